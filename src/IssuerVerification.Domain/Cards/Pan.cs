namespace IssuerVerification.Domain.Cards;

/// <summary>A primary account number: 12–19 digits, Luhn-valid. <see cref="ToString"/> is masked so a log line cannot leak it.</summary>
public sealed class Pan
{
    private Pan(string digits) => Digits = digits;

    /// <summary>The clear digits: hand them only to the crypto provider.</summary>
    public string Digits { get; }

    /// <summary>
    /// The last 4 digits and a few first ones, the rest as '*': the first 6 of a PAN of 16 digits or more, else as many as
    /// keep what is shown within half the digits (12–13 digits: 2, 14–15: 3), so a short PAN hides as much as it shows.
    /// </summary>
    public string Masked
    {
        get
        {
            var first = Digits.Length >= 16 ? 6 : Digits.Length / 2 - 4;
            return string.Concat(Digits.AsSpan(0, first), new string('*', Digits.Length - first - 4), Digits.AsSpan(Digits.Length - 4));
        }
    }

    public static bool TryParse(string? value, out Pan pan)
    {
        pan = null!;
        if (value is null || value.Length is < 12 or > 19 || !value.All(char.IsAsciiDigit) || !IsLuhnValid(value))
        {
            return false;
        }
        pan = new Pan(value);
        return true;
    }

    public static Pan Parse(string value) =>
        TryParse(value, out var pan) ? pan : throw new FormatException("PAN must be 12–19 digits and pass the Luhn check.");

    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9)
            {
                d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public override string ToString() => Masked;
}
