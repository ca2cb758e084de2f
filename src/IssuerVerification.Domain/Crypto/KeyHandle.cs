namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// A key as the store keeps it: identity, usage, algorithm and the key material wrapped
/// (encrypted and authenticated) by the crypto provider. Only the provider can use it.
/// </summary>
public sealed record KeyHandle(Guid Id, KeyUsage Usage, KeyAlgorithm Algorithm, byte[] Wrapped);
