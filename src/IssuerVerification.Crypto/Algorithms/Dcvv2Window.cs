namespace IssuerVerification.Crypto.Algorithms;

/// <summary>This product's dCVV2 time windows (§9).</summary>
internal static class Dcvv2Window
{
    public static long Index(long unixSeconds, int windowMinutes) => unixSeconds / Seconds(windowMinutes);

    public static long Start(long index, int windowMinutes) => index * Seconds(windowMinutes);

    public static long End(long index, int windowMinutes) => (index + 1) * Seconds(windowMinutes);

    /// <summary>W = index mod 10,000,000 as 7 digits: "expiry" = W[0:4], "service code" = W[4:7].</summary>
    public static void Digits(long index, Span<char> sevenDigits)
    {
        var value = index % 10_000_000;
        for (var i = 6; i >= 0; i--)
        {
            sevenDigits[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static long Seconds(int windowMinutes) => 60L * windowMinutes;
}
