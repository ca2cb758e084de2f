using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Cards;

/// <summary>Card expiry as on the track: YYMM.</summary>
public readonly record struct Expiry(string Yymm)
{
    public static bool IsValid(string? value) =>
        Digits.AreDigits(value, 4, 4) && int.Parse(value.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12;

    /// <summary>MMYY order, which some issuers use for CVV2.</summary>
    public string Mmyy => string.Concat(Yymm.AsSpan(2, 2), Yymm.AsSpan(0, 2));

    public override string ToString() => Yymm;
}
