namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// Visa decimalization (§0) of the nibbles of <c>data</c>: the decimal nibbles left to right, then the
/// A–F nibbles minus 10, always with that second pass. Writes the first <c>destination.Length</c> digits.
/// </summary>
internal static class Decimalization
{
    public static void Decimalize(ReadOnlySpan<byte> data, Span<char> destination)
    {
        var count = Pass(data, destination, 0, letters: false);
        if (count < destination.Length)
        {
            Pass(data, destination, count, letters: true);
        }
    }

    private static int Pass(ReadOnlySpan<byte> data, Span<char> destination, int count, bool letters)
    {
        for (var i = 0; i < data.Length * 2 && count < destination.Length; i++)
        {
            var nibble = (i & 1) == 0 ? data[i >> 1] >> 4 : data[i >> 1] & 0x0F;
            if (nibble >= 10 == letters)
            {
                destination[count++] = (char)('0' + (letters ? nibble - 10 : nibble));
            }
        }

        return count;
    }
}
