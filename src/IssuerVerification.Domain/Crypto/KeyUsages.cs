namespace IssuerVerification.Domain.Crypto;

/// <summary>What each usage implies: its algorithms, and whether an issuer may create such a key or only the service.</summary>
public static class KeyUsages
{
    public static readonly IReadOnlyList<KeyUsage> IssuerKeys =
        [KeyUsage.Cvk, KeyUsage.Dcvv2, KeyUsage.ImkCvc3, KeyUsage.ImkDcvv, KeyUsage.Cavv, KeyUsage.Aav, KeyUsage.Kek];

    private static readonly KeyAlgorithm[] KekAlgorithms = [KeyAlgorithm.Tdes2Key, KeyAlgorithm.Tdes3Key, KeyAlgorithm.Aes256];

    public static bool IsIssuerKey(KeyUsage usage) => IssuerKeys.Contains(usage);

    /// <summary>The algorithm a key of this usage has when none is asked for (the only one, except for a KEK).</summary>
    public static KeyAlgorithm AlgorithmOf(KeyUsage usage) => AlgorithmsOf(usage)[0];

    /// <summary>The algorithms a key of this usage may have.</summary>
    public static IReadOnlyList<KeyAlgorithm> AlgorithmsOf(KeyUsage usage) => usage switch
    {
        KeyUsage.Kek => KekAlgorithms,
        KeyUsage.Cvk or KeyUsage.Dcvv2 or KeyUsage.ImkCvc3 or KeyUsage.ImkDcvv or KeyUsage.Cavv => [KeyAlgorithm.Tdes2Key],
        KeyUsage.Aav => [KeyAlgorithm.HmacSha1],
        KeyUsage.PanFingerprint or KeyUsage.SecretHashing or KeyUsage.AuditChain => [KeyAlgorithm.HmacSha256],
        KeyUsage.PanEncryption or KeyUsage.ResponseSealing => [KeyAlgorithm.Aes256],
        KeyUsage.ResultSigning => [KeyAlgorithm.EcP256],
        _ => throw new ArgumentOutOfRangeException(nameof(usage)),
    };

    public static bool Fits(KeyUsage usage, KeyAlgorithm algorithm) => AlgorithmsOf(usage).Contains(algorithm);

    /// <summary>The length in bytes of a key of a fixed-length algorithm (0 for HMAC-SHA1, 16–64 bytes, and EC keys).</summary>
    public static int KeyLength(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => 16,
        KeyAlgorithm.Tdes3Key => 24,
        KeyAlgorithm.HmacSha256 or KeyAlgorithm.Aes256 => 32,
        _ => 0,
    };
}
