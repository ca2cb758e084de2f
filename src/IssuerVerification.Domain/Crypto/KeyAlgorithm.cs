namespace IssuerVerification.Domain.Crypto;

/// <summary>Key algorithm and length.</summary>
public enum KeyAlgorithm
{
    /// <summary>Double-length triple DES key A‖B (16 bytes).</summary>
    Tdes2Key,
    /// <summary>HMAC-SHA1 key (20 bytes for AAV).</summary>
    HmacSha1,
    /// <summary>HMAC-SHA256 key (32 bytes).</summary>
    HmacSha256,
    /// <summary>AES-256 key (32 bytes).</summary>
    Aes256,
    /// <summary>ECDSA P-256 private key.</summary>
    EcP256,
    /// <summary>Triple-length triple DES key A‖B‖C (24 bytes); key-encryption keys only.</summary>
    Tdes3Key,
}
