using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Admin;

/// <summary>Key metadata. The clear key is never returned.</summary>
/// <param name="Kcv">Key check value: first 3 bytes (hex) of the key encrypting zeros.</param>
public sealed record KeyResponse(Guid Id, string Alias, KeyUsage Usage, KeyAlgorithmName Algorithm, string Kcv, string Status, DateTime CreatedAt);
