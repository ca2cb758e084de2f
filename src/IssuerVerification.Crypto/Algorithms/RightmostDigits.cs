namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The rightmost <c>destination.Length</c> digits of a digit string, left-padded with '0' when it is
/// shorter: option A's PAN‖PSN block (§2) and the 16-digit PAN of the Visa CAVV (§5).
/// </summary>
internal static class RightmostDigits
{
    public static void Take(ReadOnlySpan<char> digits, Span<char> destination)
    {
        if (digits.Length >= destination.Length)
        {
            digits[^destination.Length..].CopyTo(destination);
            return;
        }

        var padding = destination.Length - digits.Length;
        destination[..padding].Fill('0');
        digits.CopyTo(destination[padding..]);
    }
}
