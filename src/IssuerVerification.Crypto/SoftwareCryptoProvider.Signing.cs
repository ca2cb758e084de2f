using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>ES256 signatures over results (compact JWS) and the public key as a JWK.</summary>
public sealed partial class SoftwareCryptoProvider : ISigning
{
    public string SignJws(KeyHandle signingKey, ReadOnlySpan<byte> payload) =>
        Use(signingKey, "signing results", KeyUsage.ResultSigning).Signing.SignJws(payload);

    public IReadOnlyDictionary<string, string> PublicJwk(KeyHandle signingKey) =>
        Use(signingKey, "signing results", KeyUsage.ResultSigning).Signing.PublicJwk();
}
