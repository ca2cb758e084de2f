namespace IssuerVerification.Domain.Crypto;

/// <summary>What a key may be used for. A key serves exactly one usage; the provider refuses any other.</summary>
public enum KeyUsage
{
    /// <summary>Card verification key: CVV1, CVV2, iCVV (Visa CVV method).</summary>
    Cvk,
    /// <summary>This product's time-window dynamic CVV2 key (never a CVV2 key).</summary>
    Dcvv2,
    /// <summary>Issuer master key for Mastercard CVC3 (card key derived per PAN/PSN).</summary>
    ImkCvc3,
    /// <summary>Issuer master key for Visa dCVV (card key derived per PAN, PSN 00).</summary>
    ImkDcvv,
    /// <summary>Visa CAVV key pair (3-D Secure).</summary>
    Cavv,
    /// <summary>Mastercard AAV HMAC key (3-D Secure, SPA).</summary>
    Aav,
    /// <summary>Key-encryption key (a ZMK, or a TR-31 key block protection key): wraps and unwraps keys exchanged with other HSMs, nothing else.</summary>
    Kek,
    /// <summary>System key: HMAC key for PAN fingerprints.</summary>
    PanFingerprint,
    /// <summary>System key: AES key that encrypts stored PANs.</summary>
    PanEncryption,
    /// <summary>System key: ES256 key that signs 3-D Secure results.</summary>
    ResultSigning,
    /// <summary>System key: HMAC key for the hashes kept of secrets (API keys, idempotent requests holding PANs or values).</summary>
    SecretHashing,
    /// <summary>System key: AES key that seals stored responses (never the PAN-encryption key).</summary>
    ResponseSealing,
    /// <summary>System key: HMAC key that chains the audit records, so write access to the database cannot forge the chain.</summary>
    AuditChain,
}
