namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Keys no issuer key may be: all zeros, or a 2-key TDES key whose halves are equal (which is single DES).
/// For TDES the parity bits (bit 0 of each byte) are ignored, as DES ignores them.
/// The API refuses such components; the crypto provider refuses to produce such a key.
/// </summary>
public static class WeakKeys
{
    public static bool IsZero(KeyAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        var ignored = algorithm == KeyAlgorithm.Tdes2Key ? (byte)0x01 : (byte)0x00;
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
        if (algorithm != KeyAlgorithm.Tdes2Key || key.Length != 16)
        {
            return false;
        }
        for (var i = 0; i < 8; i++)
        {
            if ((key[i] & 0xFE) != (key[i + 8] & 0xFE))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Why <paramref name="key"/> is weak, or null when it is not.</summary>
    public static string? Weakness(KeyAlgorithm algorithm, ReadOnlySpan<byte> key) =>
        IsZero(algorithm, key) ? "The key is all zeros."
        : HasEqualHalves(algorithm, key) ? "The key's two halves are equal, which makes it single DES."
        : null;
}
