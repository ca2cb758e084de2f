using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>Which algorithm each usage takes, and the key lengths each algorithm accepts.</summary>
internal static class KeySpec
{
    public static KeyAlgorithm AlgorithmFor(KeyUsage usage) => usage switch
    {
        KeyUsage.Cvk or KeyUsage.Dcvv2 or KeyUsage.ImkCvc3 or KeyUsage.ImkDcvv or KeyUsage.Cavv => KeyAlgorithm.Tdes2Key,
        KeyUsage.Aav => KeyAlgorithm.HmacSha1,
        KeyUsage.PanFingerprint or KeyUsage.SecretHashing => KeyAlgorithm.HmacSha256,
        KeyUsage.PanEncryption or KeyUsage.ResponseSealing => KeyAlgorithm.Aes256,
        KeyUsage.ResultSigning => KeyAlgorithm.EcP256,
        _ => throw new CryptoException("Unknown key usage."),
    };

    public static void RequirePair(KeyUsage usage, KeyAlgorithm algorithm)
    {
        var expected = AlgorithmFor(usage);
        if (algorithm != expected)
        {
            throw new CryptoException($"A {usage} key must be {expected}, not {algorithm}.");
        }
    }

    public static bool LengthFits(KeyAlgorithm algorithm, int length) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => length == 16,
        KeyAlgorithm.HmacSha1 => length is >= 16 and <= 64,
        KeyAlgorithm.HmacSha256 or KeyAlgorithm.Aes256 => length == 32,
        _ => false,
    };

    public static string LengthRule(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => "16 bytes",
        KeyAlgorithm.HmacSha1 => "16 to 64 bytes",
        _ => "32 bytes",
    };

    public static int GeneratedLength(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.HmacSha1 ? 20 : algorithm == KeyAlgorithm.Tdes2Key ? 16 : 32;
}
