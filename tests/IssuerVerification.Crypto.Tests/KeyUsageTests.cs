using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>A key serves one usage and one algorithm; the provider refuses any other.</summary>
public sealed class KeyUsageTests
{
    private const string Tdes = "0123456789ABCDEFFEDCBA9876543210";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    [Fact]
    public void A_cvk_cannot_compute_cvc3_or_dcvv()
    {
        var cvk = TestKeys.Import(KeyUsage.Cvk, Tdes);
        Assert.Throws<CryptoException>(() => Provider.Cvc3(cvk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x899, 0x5E));
        Assert.Throws<CryptoException>(() => Provider.VerifyDcvv(cvk, "5123456789012345", IccDerivation.OptionA, "2512", "101", 1, "123"));
        Assert.Throws<CryptoException>(() => Provider.IccKeyCheckValue(cvk, "5123456789012345", "00", IccDerivation.OptionA));
        Assert.Throws<CryptoException>(() => Provider.Dcvv2(cvk, "5123456789012345", 1));
    }

    [Fact]
    public void A_dcvv2_key_cannot_compute_a_cvv()
    {
        var key = TestKeys.Import(KeyUsage.Dcvv2, Tdes);
        Assert.Throws<CryptoException>(() => Provider.Cvv(key, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => Provider.VerifyCvv(key, "4123456789012345", "8701", "101", "561"));
    }

    [Fact]
    public void Cvv_accepts_cvk_and_cavv_keys_only()
    {
        Assert.Equal("561", Provider.Cvv(TestKeys.Import(KeyUsage.Cvk, Tdes), "4123456789012345", "8701", "101"));
        Assert.Equal("561", Provider.Cvv(TestKeys.Import(KeyUsage.Cavv, Tdes), "4123456789012345", "8701", "101"));
        foreach (var usage in new[] { KeyUsage.ImkCvc3, KeyUsage.ImkDcvv, KeyUsage.Dcvv2 })
        {
            Assert.Throws<CryptoException>(() => Provider.Cvv(TestKeys.Import(usage, Tdes), "4123456789012345", "8701", "101"));
        }
    }

    [Fact]
    public void Each_operation_refuses_other_usages()
    {
        var cvk = TestKeys.Import(KeyUsage.Cvk, Tdes);
        var aav = TestKeys.Import(KeyUsage.Aav, new byte[20].Select((_, i) => (byte)(i + 1)).ToArray());
        var cavvInput = new VisaCavvInput("4123456789012345", "9602231034727993", '7', "00", "01", 0, new byte[4]);
        var aavInput = new MastercardAavInput("5432109876543210", 0x8C, "SPA Merchant, Inc.", 1, 1, 1, 0x2F);
        Assert.Throws<CryptoException>(() => Provider.VisaCavv(cvk, cavvInput));
        Assert.Throws<CryptoException>(() => Provider.MastercardAav(cvk, aavInput));
        Assert.Throws<CryptoException>(() => Provider.PanFingerprint(aav, "4123456789012345"));
        Assert.Throws<CryptoException>(() => Provider.EncryptPan(cvk, "4123456789012345", new byte[32]));
        Assert.Throws<CryptoException>(() => Provider.Seal(cvk, [1, 2, 3]));
        Assert.Throws<CryptoException>(() => Provider.SignJws(aav, "{}"u8));
        Assert.Throws<CryptoException>(() => Provider.PublicJwk(cvk));
    }

    [Theory]
    [InlineData(KeyUsage.Cvk, KeyAlgorithm.HmacSha1)]
    [InlineData(KeyUsage.Aav, KeyAlgorithm.Tdes2Key)]
    [InlineData(KeyUsage.PanFingerprint, KeyAlgorithm.Aes256)]
    [InlineData(KeyUsage.PanEncryption, KeyAlgorithm.HmacSha256)]
    [InlineData(KeyUsage.ResultSigning, KeyAlgorithm.Tdes2Key)]
    public void A_usage_with_the_wrong_algorithm_is_refused(KeyUsage usage, KeyAlgorithm algorithm)
    {
        Assert.Throws<CryptoException>(() => Provider.GenerateKey(Guid.NewGuid(), "test-key", usage, algorithm));
        Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", usage, algorithm, [new byte[16]]));
    }

    [Theory]
    [InlineData(KeyUsage.Cvk)]
    [InlineData(KeyUsage.Dcvv2)]
    [InlineData(KeyUsage.ImkCvc3)]
    [InlineData(KeyUsage.ImkDcvv)]
    [InlineData(KeyUsage.Cavv)]
    [InlineData(KeyUsage.Aav)]
    [InlineData(KeyUsage.PanFingerprint)]
    [InlineData(KeyUsage.PanEncryption)]
    [InlineData(KeyUsage.ResultSigning)]
    public void Every_usage_can_be_generated_and_checked(KeyUsage usage)
    {
        var key = Provider.GenerateKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage));
        Assert.Matches("^[0-9A-F]{6}$", Provider.CheckValue(key));
        Assert.True(Provider.IsCurrent(key));
    }

    [Fact]
    public void Ec_keys_cannot_be_imported()
    {
        Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.ResultSigning, KeyAlgorithm.EcP256, [new byte[32]]));
    }
}
