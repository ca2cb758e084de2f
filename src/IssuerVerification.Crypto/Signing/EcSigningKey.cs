using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Signing;

/// <summary>An unwrapped P-256 signing key (PKCS#8) and its public half (<see cref="EcPublicKey"/>).</summary>
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

        Public = new EcPublicKey(_parameters.Q.X, _parameters.Q.Y);
    }

    public EcPublicKey Public { get; }

    public string Kid => Public.Kid;

    public string CheckValue() => Public.CheckValue();

    /// <summary>Compact JWS: base64url(header) . base64url(payload) . base64url(r ‖ s).</summary>
    public string SignJws(ReadOnlySpan<byte> payload)
    {
        var signingInput = Public.SigningInput(payload);
        using var ecdsa = ECDsa.Create(_parameters);
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return EcPublicKey.Jws(signingInput, signature);
    }

    public IReadOnlyDictionary<string, string> PublicJwk() => Public.PublicJwk();

    /// <summary>Zeroes the private scalar kept here.</summary>
    public void Clear() => CryptographicOperations.ZeroMemory(_parameters.D);
}
