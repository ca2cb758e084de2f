using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>Every vector of the vectors file, one theory case each per provider; final values go through the provider.</summary>
public sealed class VectorTests
{
    private const int VectorCount = 94;

    public static TheoryData<string, string> Cases => TestTokens.ForEachProvider(VectorFile.All.Select(v => v.GetProperty("id").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_is_reproduced(string provider, string id)
    {
        var vector = new TestVector(VectorFile.ById(id));
        var crypto = TestKeys.For(provider);
        Action<TestVector, ICryptoProvider> check = vector.Algorithm switch
        {
            "cvv" => CvvVectors.Cvv,
            "dcvv2" => CvvVectors.Dcvv2,
            "icc_mk" => IccVectors.IccMasterKey,
            "cvc3" => IccVectors.Cvc3,
            "dcvv" => IccVectors.Dcvv,
            "visa_cavv_output" => ThreeDSecureVectors.CavvOutput,
            "visa_cavv_field" => ThreeDSecureVectors.CavvField,
            "mc_aav_spa_hmac" => ThreeDSecureVectors.Aav,
            "mc_spa2_iav_hmac" => (v, _) => ThreeDSecureVectors.Spa2Iav(v),
            var unknown => throw new InvalidOperationException($"{id}: unknown algorithm {unknown}"),
        };
        check(vector, crypto);
        vector.AssertEverythingUsed();
    }

    [Fact]
    public void Every_vector_of_the_file_is_a_case()
    {
        var ids = VectorFile.All.Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Equal(VectorCount, VectorFile.All.Count);
        Assert.Equal(VectorCount, ids.Distinct().Count());
    }
}
