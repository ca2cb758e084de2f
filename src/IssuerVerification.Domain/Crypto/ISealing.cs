namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Protects data that is stored: keyed PAN fingerprints, PAN encryption, and sealing of anything else kept but never in clear.
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface ISealing
{
    /// <summary>Keyed fingerprint of a PAN (HMAC-SHA256), used to find a card without storing its PAN.</summary>
    byte[] PanFingerprint(KeyHandle key, ReadOnlySpan<char> pan);

    /// <summary>Encrypts a PAN (AES-256-GCM) for storage, bound to its card's <paramref name="fingerprint"/>.</summary>
    byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan, ReadOnlySpan<byte> fingerprint);

    /// <summary>
    /// Decrypts a PAN encrypted by <see cref="EncryptPan"/> for this <paramref name="fingerprint"/>; refuses tampered data and
    /// another card's ciphertext. A ciphertext written before PANs were bound opens without the binding: the caller checks
    /// the PAN against the fingerprint.
    /// </summary>
    string DecryptPan(KeyHandle key, byte[] encrypted, ReadOnlySpan<byte> fingerprint);

    /// <summary>Encrypts a cardholder's contacts under the PAN-encryption key, bound to the card's <paramref name="fingerprint"/>.</summary>
    byte[] SealCardholder(KeyHandle key, ReadOnlySpan<byte> contacts, ReadOnlySpan<byte> fingerprint);

    /// <summary>Decrypts contacts sealed by <see cref="SealCardholder"/> for this <paramref name="fingerprint"/>; refuses anything else.</summary>
    byte[] OpenCardholder(KeyHandle key, byte[] sealedContacts, ReadOnlySpan<byte> fingerprint);

    /// <summary>Keyed hash (HMAC-SHA256 under a SecretHashing key) of data holding a secret, kept only to compare.</summary>
    byte[] SecretHash(KeyHandle key, ReadOnlySpan<byte> data);

    /// <summary>Keyed hash (HMAC-SHA256 under the AuditChain key, 32 bytes into <paramref name="mac"/>) that chains audit records.</summary>
    void AuditMac(KeyHandle key, ReadOnlySpan<byte> data, Span<byte> mac);

    /// <summary>Encrypts data that must be kept but never in clear (AES-256-GCM under a ResponseSealing key).</summary>
    byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext);

    /// <summary>Decrypts data sealed by <see cref="Seal"/>; refuses tampered data.</summary>
    byte[] Unseal(KeyHandle key, byte[] sealedData);
}
