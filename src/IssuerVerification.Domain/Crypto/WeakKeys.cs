namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Keys no issuer key may be: all zeros, or a TDES key that is single DES (a 2-key key whose halves are equal, a 3-key
/// key whose first two or last two parts are equal).
/// For TDES the parity bits (bit 0 of each byte) are ignored, as DES ignores them.
/// The API refuses such components; the crypto provider refuses to produce such a key.
/// </summary>
public static class WeakKeys
{
    public static bool IsZero(KeyAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        var ignored = algorithm is KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key ? (byte)0x01 : (byte)0x00;
        foreach (var b in key)
        {
            if ((b & ~ignored) != 0)
            {
                return false;
            }
        }
        return true;
    }

    public static bool HasEqualHalves(KeyAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        return (algorithm, key.Length) switch
        {
            (KeyAlgorithm.Tdes2Key, 16) => SameDesKey(key, 0, 8),
            (KeyAlgorithm.Tdes3Key, 24) => SameDesKey(key, 0, 8) || SameDesKey(key, 8, 16),
            _ => false,
        };
    }

    private static bool SameDesKey(ReadOnlySpan<byte> key, int a, int b)
    {
        for (var i = 0; i < 8; i++)
        {
            if ((key[a + i] & 0xFE) != (key[b + i] & 0xFE))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why <paramref name="key"/> is weak, or null when it is not.</summary>
    public static string? Weakness(KeyAlgorithm algorithm, ReadOnlySpan<byte> key) =>
        IsZero(algorithm, key) ? "The key is all zeros."
        : HasEqualHalves(algorithm, key) ? "The key's halves are equal (or, 3-key, two adjacent parts), which makes it single DES."
        : null;
}
