namespace IssuerVerification.Domain.Crypto;

/// <summary>What each usage implies: its algorithm, and whether an issuer may create such a key or only the service.</summary>
public static class KeyUsages
{
    public static readonly IReadOnlyList<KeyUsage> IssuerKeys =
        [KeyUsage.Cvk, KeyUsage.Dcvv2, KeyUsage.ImkCvc3, KeyUsage.ImkDcvv, KeyUsage.Cavv, KeyUsage.Aav];

    public static bool IsIssuerKey(KeyUsage usage) => IssuerKeys.Contains(usage);

    public static KeyAlgorithm AlgorithmOf(KeyUsage usage) => usage switch
    {
        KeyUsage.Cvk or KeyUsage.Dcvv2 or KeyUsage.ImkCvc3 or KeyUsage.ImkDcvv or KeyUsage.Cavv => KeyAlgorithm.Tdes2Key,
        KeyUsage.Aav => KeyAlgorithm.HmacSha1,
        KeyUsage.PanFingerprint or KeyUsage.SecretHashing or KeyUsage.AuditChain => KeyAlgorithm.HmacSha256,
        KeyUsage.PanEncryption or KeyUsage.ResponseSealing => KeyAlgorithm.Aes256,
        KeyUsage.ResultSigning => KeyAlgorithm.EcP256,
        _ => throw new ArgumentOutOfRangeException(nameof(usage)),
    };
}
