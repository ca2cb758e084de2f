using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IssuerVerification.Crypto.Signing;

/// <summary>
/// The public half of a P-256 signing key, wherever the private half lives: its key id (the RFC 7638 JWK thumbprint, the
/// same across re-wrapping or moving the key into a token), its check value, its JWK and the compact JWS layout.
/// </summary>
internal sealed class EcPublicKey
{
    private readonly byte[] _point;

    /// <param name="x">The affine X coordinate, 32 bytes.</param>
    /// <param name="y">The affine Y coordinate, 32 bytes.</param>
    public EcPublicKey(byte[] x, byte[] y)
    {
        _point = [0x04, .. x, .. y];
        X = Base64Url.EncodeToString(x);
        Y = Base64Url.EncodeToString(y);
        Kid = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
    }

    public string X { get; }

    public string Y { get; }

    public string Kid { get; }

    /// <summary>First 3 bytes of SHA-256 over the uncompressed public point 04 ‖ X ‖ Y.</summary>
    public string CheckValue() => Convert.ToHexString(SHA256.HashData(_point), 0, 3);

    /// <summary>base64url(header) . base64url(payload), the header naming ES256 and this key id.</summary>
    public string SigningInput(ReadOnlySpan<byte> payload) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"ES256","kid":"{{Kid}}"}""")) + "." + Base64Url.EncodeToString(payload);

    /// <summary>The compact JWS: signing input . base64url(r ‖ s).</summary>
    public static string Jws(string signingInput, ReadOnlySpan<byte> signature) => signingInput + "." + Base64Url.EncodeToString(signature);

    public IReadOnlyDictionary<string, string> PublicJwk() => new Dictionary<string, string>
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = X,
        ["y"] = Y,
        ["kid"] = Kid,
        ["alg"] = "ES256",
        ["use"] = "sig",
    };
}
