namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// A key as the store keeps it: identity, alias, usage, algorithm, check value and the key material wrapped
/// (encrypted and authenticated) by the crypto provider. Only the provider can use it; it refuses a handle whose
/// metadata is not the one the material was wrapped with, or whose KCV does not match the material.
/// <paramref name="Exportable"/> (set at creation, bound to the wrapping) lets <see cref="IKeyExchange.ExportKeyBlock"/> export it.
/// </summary>
public sealed record KeyHandle(Guid Id, string Alias, KeyUsage Usage, KeyAlgorithm Algorithm, string Kcv, byte[] Wrapped, bool Exportable = false);
