using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Each verify method: the right value passes, the same value with one digit changed fails.</summary>
public sealed class VerifyTests
{
    private const string Pan = "4123456789012345";

    public static TheoryData<string, int> Positions => TestTokens.ForEachProvider([0, 1, 2]);

    [Theory]
    [MemberData(nameof(Positions))]
    public void Cvv(string provider, int position)
    {
        var crypto = TestKeys.For(provider);
        var cvk = TestKeys.Import(crypto, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.True(crypto.VerifyCvv(cvk, Pan, "8701", "101", "561"));
        Assert.False(crypto.VerifyCvv(cvk, Pan, "8701", "101", WrongDigit.At("561", position)));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Cvv_of_the_wrong_length_fails(string provider)
    {
        var crypto = TestKeys.For(provider);
        var cvk = TestKeys.Import(crypto, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.False(crypto.VerifyCvv(cvk, Pan, "8701", "101", "56"));
        Assert.False(crypto.VerifyCvv(cvk, Pan, "8701", "101", ""));
        Assert.True(crypto.VerifyCvv(cvk, Pan, "8701", "101", "5614"));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Dcvv2(string provider, int position)
    {
        var crypto = TestKeys.For(provider);
        var key = TestKeys.Import(crypto, KeyUsage.Dcvv2, "D7D5CA9A39491328439D2A3BDB6EC9D3");
        Assert.True(crypto.VerifyDcvv2(key, "4230177843207663", 2093363, "225"));
        Assert.False(crypto.VerifyDcvv2(key, "4230177843207663", 2093363, WrongDigit.At("225", position)));
        Assert.False(crypto.VerifyDcvv2(key, "4230177843207663", 2093364, "225"));
    }

    [Theory]
    [InlineData(TestTokens.Software, "29488", 0)]
    [InlineData(TestTokens.Pkcs11, "29488", 0)]
    [InlineData(TestTokens.Software, "29488", 4)]
    [InlineData(TestTokens.Pkcs11, "29488", 4)]
    [InlineData(TestTokens.Software, "9488", 1)]
    [InlineData(TestTokens.Pkcs11, "9488", 1)]
    [InlineData(TestTokens.Software, "488", 2)]
    [InlineData(TestTokens.Pkcs11, "488", 2)]
    public void Cvc3(string provider, string value, int position)
    {
        var crypto = TestKeys.For(provider);
        var imk = TestKeys.Import(crypto, KeyUsage.ImkCvc3, "01234567899876543210012345678998");
        Assert.True(crypto.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, value));
        Assert.False(crypto.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, WrongDigit.At(value, position)));
    }

    [Theory]
    [MemberData(nameof(TestTokens.Providers), MemberType = typeof(TestTokens))]
    public void Cvc3_needs_3_to_5_digits(string provider)
    {
        var crypto = TestKeys.For(provider);
        var imk = TestKeys.Import(crypto, KeyUsage.ImkCvc3, "01234567899876543210012345678998");
        Assert.False(crypto.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "88"));
        Assert.False(crypto.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "029488"));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Dcvv(string provider, int position)
    {
        var crypto = TestKeys.For(provider);
        var imk = TestKeys.Import(crypto, KeyUsage.ImkDcvv, "12345678123456781234567812345678");
        Assert.True(crypto.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3210, "422"));
        Assert.False(crypto.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3210, WrongDigit.At("422", position)));
        Assert.False(crypto.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3211, "422"));
    }
}
