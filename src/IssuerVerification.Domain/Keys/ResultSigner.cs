using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Signs results and callbacks (JWS ES256) under the ResultSigning system key, generated at first use and kept wrapped in the
/// key store like every key; receivers verify with its public key from <c>/.well-known/jwks.json</c>.
/// </summary>
public sealed class ResultSigner(ISigning crypto, KeyRing keys)
{
    public async Task<string> SignAsync(byte[] payload, CancellationToken ct) =>
        crypto.SignJws(await keys.SystemKeyAsync(KeyUsage.ResultSigning, ct), payload);

    /// <summary>The public signing keys as JWKs (<c>kid</c> = RFC 7638 thumbprint).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PublicKeysAsync(CancellationToken ct) =>
        [crypto.PublicJwk(await keys.SystemKeyAsync(KeyUsage.ResultSigning, ct))];
}
