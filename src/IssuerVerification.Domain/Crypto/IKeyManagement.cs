namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Creates keys and keeps them usable across master key rotations. Clear keys never leave the provider: a software provider unwraps them under its master key, an HSM under its LMK.
/// Every wrapped key is bound to its id, alias, usage, algorithm, KCV and exportability, and every unwrap re-checks the KCV.
/// A key is created exportable (<see cref="IKeyExchange.ExportKeyBlock"/>) only when asked; never afterwards.
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface IKeyManagement
{
    /// <summary>Generates a random key and returns it wrapped, with its KCV.</summary>
    KeyHandle GenerateKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable = false);

    /// <summary>Imports a key from 1–3 clear components, XORed together, and returns it wrapped, with its KCV.</summary>
    KeyHandle ImportKey(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]> components, bool exportable = false);

    /// <summary>
    /// XORs one custodian's clear component into a ceremony's partial key (none for the first component) and answers
    /// the new partial key, wrapped, with the component's own KCV. An all-zero component throws <see cref="WeakKeyException"/>.
    /// </summary>
    ComponentAdded AddComponent(Guid ceremonyId, KeyAlgorithm algorithm, PartialKey? partial, byte[] component);

    /// <summary>Turns a ceremony's partial key holding every component into a key; a weak result throws <see cref="WeakKeyException"/>.</summary>
    KeyHandle CompleteKey(Guid id, string alias, KeyUsage usage, PartialKey partial, bool exportable = false);

    /// <summary>Key check value, upper-case hex: first 3 bytes of TDES(K, 0…0) for TDES keys.</summary>
    string CheckValue(KeyHandle key);

    /// <summary>True when the key is wrapped under the current master key in the current wrap format.</summary>
    bool IsCurrent(KeyHandle key);

    /// <summary>True when the key is wrapped in the current format (an older format is upgraded by <see cref="Rewrap"/>).</summary>
    bool HasCurrentFormat(KeyHandle key);

    /// <summary>Re-wraps a key (wrapped under the current or a previous master key, in any known format) under the current master key and format.</summary>
    KeyHandle Rewrap(KeyHandle key);
}
