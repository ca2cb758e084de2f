using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>A key serves one usage and one algorithm; the provider refuses any other.</summary>
public sealed class KeyUsageTests
{
    private const string Tdes = "0123456789ABCDEFFEDCBA9876543210";

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_cvk_cannot_compute_cvc3_or_dcvv(string provider)
    {
        var crypto = TestKeys.For(provider);
        var cvk = TestKeys.Import(crypto, KeyUsage.Cvk, Tdes);
        Assert.Throws<CryptoException>(() => crypto.Cvc3(cvk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x899, 0x5E));
        Assert.Throws<CryptoException>(() => crypto.VerifyDcvv(cvk, "5123456789012345", IccDerivation.OptionA, "2512", "101", 1, "123"));
        Assert.Throws<CryptoException>(() => crypto.IccKeyCheckValue(cvk, "5123456789012345", "00", IccDerivation.OptionA));
        Assert.Throws<CryptoException>(() => crypto.Dcvv2(cvk, "5123456789012345", 1));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void A_dcvv2_key_cannot_compute_a_cvv(string provider)
    {
        var crypto = TestKeys.For(provider);
        var key = TestKeys.Import(crypto, KeyUsage.Dcvv2, Tdes);
        Assert.Throws<CryptoException>(() => crypto.Cvv(key, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => crypto.VerifyCvv(key, "4123456789012345", "8701", "101", "561"));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Cvv_accepts_cvk_and_cavv_keys_only(string provider)
    {
        var crypto = TestKeys.For(provider);
        Assert.Equal("561", crypto.Cvv(TestKeys.Import(crypto, KeyUsage.Cvk, Tdes), "4123456789012345", "8701", "101"));
        Assert.Equal("561", crypto.Cvv(TestKeys.Import(crypto, KeyUsage.Cavv, Tdes), "4123456789012345", "8701", "101"));
        foreach (var usage in new[] { KeyUsage.ImkCvc3, KeyUsage.ImkDcvv, KeyUsage.Dcvv2 })
        {
            Assert.Throws<CryptoException>(() => crypto.Cvv(TestKeys.Import(usage, Tdes), "4123456789012345", "8701", "101"));
        }
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Each_operation_refuses_other_usages(string provider)
    {
        var crypto = TestKeys.For(provider);
        var cvk = TestKeys.Import(crypto, KeyUsage.Cvk, Tdes);
        var aav = TestKeys.Import(crypto, KeyUsage.Aav, new byte[20].Select((_, i) => (byte)(i + 1)).ToArray());
        var cavvInput = new VisaCavvInput("4123456789012345", "9602231034727993", '7', "00", "01", 0, new byte[4]);
        var aavInput = new MastercardAavInput("5432109876543210", 0x8C, "SPA Merchant, Inc.", 1, 1, 1, 0x2F);
        Assert.Throws<CryptoException>(() => crypto.VisaCavv(cvk, cavvInput));
        Assert.Throws<CryptoException>(() => crypto.MastercardAav(cvk, aavInput));
        Assert.Throws<CryptoException>(() => crypto.PanFingerprint(aav, "4123456789012345"));
        Assert.Throws<CryptoException>(() => crypto.EncryptPan(cvk, "4123456789012345", new byte[32]));
        Assert.Throws<CryptoException>(() => crypto.Seal(cvk, [1, 2, 3]));
        Assert.Throws<CryptoException>(() => crypto.SignJws(aav, "{}"u8));
        Assert.Throws<CryptoException>(() => crypto.PublicJwk(cvk));
    }

    [Theory]
    [InlineData(TestTokens.Software, KeyUsage.Cvk, KeyAlgorithm.HmacSha1)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Cvk, KeyAlgorithm.HmacSha1)]
    [InlineData(TestTokens.Software, KeyUsage.Aav, KeyAlgorithm.Tdes2Key)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Aav, KeyAlgorithm.Tdes2Key)]
    [InlineData(TestTokens.Software, KeyUsage.PanFingerprint, KeyAlgorithm.Aes256)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.PanFingerprint, KeyAlgorithm.Aes256)]
    [InlineData(TestTokens.Software, KeyUsage.PanEncryption, KeyAlgorithm.HmacSha256)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.PanEncryption, KeyAlgorithm.HmacSha256)]
    [InlineData(TestTokens.Software, KeyUsage.ResultSigning, KeyAlgorithm.Tdes2Key)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.ResultSigning, KeyAlgorithm.Tdes2Key)]
    public void A_usage_with_the_wrong_algorithm_is_refused(string provider, KeyUsage usage, KeyAlgorithm algorithm)
    {
        var crypto = TestKeys.For(provider);
        Assert.Throws<CryptoException>(() => crypto.GenerateKey(Guid.NewGuid(), "test-key", usage, algorithm));
        Assert.Throws<CryptoException>(() => crypto.ImportKey(Guid.NewGuid(), "test-key", usage, algorithm, [new byte[16]]));
    }

    [Theory]
    [InlineData(TestTokens.Software, KeyUsage.Cvk)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Cvk)]
    [InlineData(TestTokens.Software, KeyUsage.Dcvv2)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Dcvv2)]
    [InlineData(TestTokens.Software, KeyUsage.ImkCvc3)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.ImkCvc3)]
    [InlineData(TestTokens.Software, KeyUsage.ImkDcvv)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.ImkDcvv)]
    [InlineData(TestTokens.Software, KeyUsage.Cavv)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Cavv)]
    [InlineData(TestTokens.Software, KeyUsage.Aav)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.Aav)]
    [InlineData(TestTokens.Software, KeyUsage.PanFingerprint)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.PanFingerprint)]
    [InlineData(TestTokens.Software, KeyUsage.PanEncryption)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.PanEncryption)]
    [InlineData(TestTokens.Software, KeyUsage.ResultSigning)]
    [InlineData(TestTokens.Pkcs11, KeyUsage.ResultSigning)]
    public void Every_usage_can_be_generated_and_checked(string provider, KeyUsage usage)
    {
        var crypto = TestKeys.For(provider);
        var key = crypto.GenerateKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage));
        Assert.Matches("^[0-9A-F]{6}$", crypto.CheckValue(key));
        Assert.True(crypto.IsCurrent(key));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Ec_keys_cannot_be_imported(string provider)
    {
        var crypto = TestKeys.For(provider);
        Assert.Throws<CryptoException>(() => crypto.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.ResultSigning, KeyAlgorithm.EcP256, [new byte[32]]));
    }
}
