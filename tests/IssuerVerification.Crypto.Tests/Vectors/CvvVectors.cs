using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>Vectors of the CVV method (§1) and of dCVV2 (§9).</summary>
internal static class CvvVectors
{
    public static void Cvv(TestVector v, ICryptoProvider provider)
    {
        var keyBytes = Convert.FromHexString(v.Text("cvk_a") + v.Text("cvk_b"));
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, keyBytes);
        var pan = Pan(v, v.Optional("pan_layout", "raw"));
        var (expiry, serviceCode) = (v.Text("expiry"), v.Text("service_code"));
        var digits = v.Has("ndigits") ? (int)v.Number("ndigits") : 3;

        var cvv = provider.Cvv(cvk, pan, expiry, serviceCode, digits);
        v.Check("cvv", cvv);
        Assert.True(provider.VerifyCvv(cvk, pan, expiry, serviceCode, cvv));

        var trace = new CvvTrace();
        Span<char> decimalized = stackalloc char[16];
        CvvMethod.Compute(new TdesKey(keyBytes), pan, expiry, serviceCode, decimalized, trace);
        v.CheckHex("enc_block1", trace.R1);
        v.CheckHex("xor", trace.R2);
        v.CheckHex("tdes", trace.R3);
        v.Check("decimalized", new string(decimalized));
    }

    public static void Dcvv2(TestVector v, ICryptoProvider provider)
    {
        var key = TestKeys.Import(provider, KeyUsage.Dcvv2, v.Hex("key"));
        var pan = v.Text("pan");
        var minutes = (int)v.Number("window_minutes");
        var index = Dcvv2Window.Index(v.Number("unix_seconds"), minutes);
        v.Check("window_index", index);
        v.Check("window_start_unix", Dcvv2Window.Start(index, minutes));
        v.Check("window_end_unix", Dcvv2Window.End(index, minutes));

        var dcvv2 = provider.Dcvv2(key, pan, index);
        v.Check("dcvv2", dcvv2);
        Assert.True(provider.VerifyDcvv2(key, pan, index, dcvv2));
    }

    private static string Pan(TestVector v, string layout) => layout switch
    {
        "raw" => v.Text("pan"),
        "visa16" => Visa16(v.Text("pan")),
        _ => throw new InvalidOperationException($"{v.Id}: unknown pan_layout {layout}"),
    };

    public static string Visa16(string pan)
    {
        Span<char> normalised = stackalloc char[16];
        RightmostDigits.Take(pan, normalised);
        return new string(normalised);
    }
}
