using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Signing;

/// <summary>
/// An unwrapped P-256 signing key (PKCS#8). Its key id is the RFC 7638 JWK thumbprint, so it stays
/// the same across re-wrapping and identifies the public key a verifier should use.
/// </summary>
internal sealed class EcSigningKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private readonly ECParameters _parameters;

    public EcSigningKey(byte[] pkcs8)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        _parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        if (_parameters.Curve.Oid?.Value != P256Oid || _parameters.Q.X is not { Length: 32 } || _parameters.Q.Y is not { Length: 32 })
        {
            throw new CryptoException("The signing key is not a P-256 key.");
        }

        X = Base64Url.EncodeToString(_parameters.Q.X);
        Y = Base64Url.EncodeToString(_parameters.Q.Y);
        Kid = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
    }

    public string X { get; }

    public string Y { get; }

    public string Kid { get; }

    /// <summary>First 3 bytes of SHA-256 over the uncompressed public point 04 ‖ X ‖ Y.</summary>
    public string CheckValue() =>
        Convert.ToHexString(SHA256.HashData([0x04, .. _parameters.Q.X!, .. _parameters.Q.Y!]), 0, 3);

    /// <summary>Compact JWS: base64url(header) . base64url(payload) . base64url(r ‖ s).</summary>
    public string SignJws(ReadOnlySpan<byte> payload)
    {
        var header = Encoding.UTF8.GetBytes($$"""{"alg":"ES256","kid":"{{Kid}}"}""");
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        using var ecdsa = ECDsa.Create(_parameters);
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

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

    /// <summary>Zeroes the private scalar kept here.</summary>
    public void Clear() => CryptographicOperations.ZeroMemory(_parameters.D);
}
