using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>Key metadata. The clear key is never returned.</summary>
/// <param name="Kcv">Key check value: first 3 bytes (hex) of the key encrypting zeros (AES: of its CMAC over zeros).</param>
/// <param name="Exportable">Whether the key may be exported under a KEK (set at creation).</param>
/// <param name="LegacyKeyBlock">True when the key was imported from a TR-31 key block of version A or C (key-variant binding, kept by TR-31:2018 for compatibility only).</param>
public sealed record KeyResponse(
    Guid Id, string Alias, KeyUsage Usage, KeyAlgorithmName Algorithm, string Kcv, string Status, DateTime CreatedAt, bool Exportable, bool LegacyKeyBlock);
