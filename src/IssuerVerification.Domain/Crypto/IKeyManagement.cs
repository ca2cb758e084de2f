namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Creates keys and keeps them usable across master key rotations. Clear keys never leave the provider: a software provider unwraps them under its master key, an HSM under its LMK.
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface IKeyManagement
{
    /// <summary>Generates a random key and returns it wrapped.</summary>
    KeyHandle GenerateKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm);

    /// <summary>Imports a key from 1–3 clear components, XORed together, and returns it wrapped.</summary>
    KeyHandle ImportKey(Guid id, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components);

    /// <summary>Key check value, upper-case hex: first 3 bytes of TDES(K, 0…0) for TDES keys.</summary>
    string CheckValue(KeyHandle key);

    /// <summary>True when the key is wrapped under the current master key.</summary>
    bool IsCurrent(KeyHandle key);

    /// <summary>Re-wraps a key (wrapped under the current or a previous master key) under the current master key.</summary>
    KeyHandle Rewrap(KeyHandle key);
}
