namespace IssuerVerification.Domain.Crypto;

/// <summary>
/// Signs results so that a third party can check them with the public key.
/// Digit inputs are ASCII digit strings; every method refuses a key whose usage does not fit the operation
/// with <see cref="CryptoException"/>. See docs/crypto-provider.md.
/// </summary>
public interface ISigning
{
    /// <summary>Signs <paramref name="payload"/> (UTF-8 JSON) as a compact JWS with ES256; the header carries the key id.</summary>
    string SignJws(KeyHandle signingKey, ReadOnlySpan<byte> payload);

    /// <summary>The public part of a signing key as a JWK (kty EC, crv P-256, x, y, kid, alg ES256, use sig).</summary>
    IReadOnlyDictionary<string, string> PublicJwk(KeyHandle signingKey);
}
