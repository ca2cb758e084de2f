namespace IssuerVerification.Crypto.Algorithms;

/// <summary>Packs decimal or hex digit characters two per byte, first digit in the high nibble (§0).</summary>
internal static class DigitPacking
{
    public static void Pack(ReadOnlySpan<char> digits, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)((Nibble(digits[2 * i]) << 4) | Nibble(digits[(2 * i) + 1]));
        }
    }

    /// <summary>Value of '0'–'9', 'A'–'F' (callers validate their inputs first).</summary>
    public static int Nibble(char c) => c <= '9' ? c - '0' : (c & ~0x20) - 'A' + 10;
}
