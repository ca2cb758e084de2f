using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Each verify method: the right value passes, the same value with one digit changed fails.</summary>
public sealed class VerifyTests
{
    private const string Pan = "4123456789012345";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    public static TheoryData<int> Positions => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Positions))]
    public void Cvv(int position)
    {
        var cvk = TestKeys.Import(KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.True(Provider.VerifyCvv(cvk, Pan, "8701", "101", "561"));
        Assert.False(Provider.VerifyCvv(cvk, Pan, "8701", "101", WrongDigit.At("561", position)));
    }

    [Fact]
    public void Cvv_of_the_wrong_length_fails()
    {
        var cvk = TestKeys.Import(KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.False(Provider.VerifyCvv(cvk, Pan, "8701", "101", "56"));
        Assert.False(Provider.VerifyCvv(cvk, Pan, "8701", "101", ""));
        Assert.True(Provider.VerifyCvv(cvk, Pan, "8701", "101", "5614"));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Dcvv2(int position)
    {
        var key = TestKeys.Import(KeyUsage.Dcvv2, "D7D5CA9A39491328439D2A3BDB6EC9D3");
        Assert.True(Provider.VerifyDcvv2(key, "4230177843207663", 2093363, "225"));
        Assert.False(Provider.VerifyDcvv2(key, "4230177843207663", 2093363, WrongDigit.At("225", position)));
        Assert.False(Provider.VerifyDcvv2(key, "4230177843207663", 2093364, "225"));
    }

    [Theory]
    [InlineData("29488", 0)]
    [InlineData("29488", 4)]
    [InlineData("9488", 1)]
    [InlineData("488", 2)]
    public void Cvc3(string value, int position)
    {
        var imk = TestKeys.Import(KeyUsage.ImkCvc3, "01234567899876543210012345678998");
        Assert.True(Provider.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, value));
        Assert.False(Provider.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, WrongDigit.At(value, position)));
    }

    [Fact]
    public void Cvc3_needs_3_to_5_digits()
    {
        var imk = TestKeys.Import(KeyUsage.ImkCvc3, "01234567899876543210012345678998");
        Assert.False(Provider.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "88"));
        Assert.False(Provider.VerifyCvc3(imk, "5123456789012345", "00", IccDerivation.OptionA, 0x11BA, 0x00000899, 0x005E, "029488"));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Dcvv(int position)
    {
        var imk = TestKeys.Import(KeyUsage.ImkDcvv, "12345678123456781234567812345678");
        Assert.True(Provider.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3210, "422"));
        Assert.False(Provider.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3210, WrongDigit.At("422", position)));
        Assert.False(Provider.VerifyDcvv(imk, "1234567890123456", IccDerivation.OptionA, "1310", "226", 0x3211, "422"));
    }
}
