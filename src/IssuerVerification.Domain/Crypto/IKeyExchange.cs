namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Moves keys between this service and other HSMs under a key-encryption key (usage <see cref="KeyUsage.Kek"/>), with no
/// clear key outside the provider. Imports answer a wrapped key like <see cref="IKeyManagement.ImportKey"/>; every
/// refusal (a KEK that is not a KEK, a header that does not fit the usage asked for (<see cref="KeyBlockUsages"/>), a
/// wrong MAC or KBPK, a KCV that does not match, a key that may not be exported) throws <see cref="CryptoException"/>
/// and creates nothing. See docs/key-management.md, "Key exchange".
/// </summary>
public interface IKeyExchange
{
    /// <summary>
    /// Imports a TR-31 (ANSI X9.143) key block protected by <paramref name="kek"/>: versions B and D, and the legacy
    /// variant-binding versions A and C (<see cref="KeyBlockHeader.IsLegacy"/>). The header must fit
    /// <paramref name="usage"/> and, when <paramref name="exportable"/>, allow export; the MAC must verify.
    /// </summary>
    ImportedKeyBlock ImportKeyBlock(Guid id, string alias, KeyUsage usage, bool exportable, KeyHandle kek, string keyBlock);

    /// <summary>
    /// Imports a key encrypted with TDES-ECB under <paramref name="zmk"/> (a TDES KEK), <paramref name="cryptogram"/> being
    /// as long as a key of <paramref name="algorithm"/>; the key's check value must equal <paramref name="expectedKcv"/>.
    /// </summary>
    KeyHandle ImportCryptogram(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable, KeyHandle zmk, byte[] cryptogram, string expectedKcv);

    /// <summary>
    /// Exports an exportable key (<see cref="KeyHandle.Exportable"/>) as a TR-31 key block under <paramref name="kek"/>:
    /// version B under a TDES KEK, D under an AES KEK, with the header <see cref="KeyBlockUsages.HeaderFor"/> gives.
    /// </summary>
    string ExportKeyBlock(KeyHandle key, KeyHandle kek);
}

/// <summary>A key imported from a key block, and the block's header (its version says whether the binding is legacy).</summary>
public sealed record ImportedKeyBlock(KeyHandle Key, KeyBlockHeader Header);
