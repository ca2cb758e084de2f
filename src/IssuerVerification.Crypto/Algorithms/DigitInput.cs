using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Validation of digit inputs; messages name the field, never its value.</summary>
internal static class DigitInput
{
    public const int MinPanLength = 8;
    public const int MaxPanLength = 19;

    public static void RequirePan(ReadOnlySpan<char> pan) => Require(pan, MinPanLength, MaxPanLength, "PAN");

    public static void Require(ReadOnlySpan<char> value, int minLength, int maxLength, string name)
    {
        if (value.Length < minLength || value.Length > maxLength || !IsDigits(value))
        {
            throw new CryptoException(minLength == maxLength
                ? $"{name} must be {minLength} digits."
                : $"{name} must be {minLength}–{maxLength} digits.");
        }
    }

    /// <summary>A plain loop: MemoryExtensions.ContainsAnyExceptInRange allocates on every call for chars.</summary>
    private static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
