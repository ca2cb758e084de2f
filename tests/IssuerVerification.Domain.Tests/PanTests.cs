using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tests;

public sealed class PanTests
{
    [Theory]
    [InlineData("4444333322221111", true)]
    [InlineData("4444333322221112", false)]
    [InlineData("4333322221111", true)]
    [InlineData("4571386758928640179", true)]
    [InlineData("44443333222", false)]          // 11 digits
    [InlineData("45713867589286401791", false)] // 20 digits
    [InlineData("4444 3333 2222 1111", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parses_only_12_to_19_luhn_valid_digits(string? value, bool valid) =>
        Assert.Equal(valid, Pan.TryParse(value, out _));

    [Fact]
    public void ToString_is_masked_first6_last4()
    {
        var pan = Pan.Parse("4571386758928640179");
        Assert.Equal("457138*********0179", pan.ToString());
        Assert.Equal("457138*********0179", $"{pan}");
        Assert.Equal("4571386758928640179", pan.Digits);
    }

    [Theory]
    [InlineData("4333322221111", "43*******1111")]
    [InlineData("411111111117", "41******1117")]
    [InlineData("41111111111114", "411*******1114")]
    [InlineData("411111111111116", "411********1116")]
    [InlineData("4111111111111111", "411111******1111")]
    public void A_pan_under_16_digits_shows_at_most_half_of_them(string digits, string masked)
    {
        var pan = Pan.Parse(digits);
        Assert.Equal(masked, pan.Masked);
        Assert.True(digits.Length >= 16 || pan.Masked.Count(char.IsAsciiDigit) * 2 <= digits.Length);
    }

    [Theory]
    [InlineData("2812", true)]
    [InlineData("9911", true)]
    [InlineData("2813", false)]
    [InlineData("2800", false)]
    [InlineData("281", false)]
    [InlineData("28a2", false)]
    public void Expiry_is_yymm(string value, bool valid) => Assert.Equal(valid, Expiry.IsValid(value));

    [Fact]
    public void Expiry_gives_mmyy_for_cvv2() => Assert.Equal("1228", new Expiry("2812").Mmyy);
}
