using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>ES256 by the token (CKM_ECDSA over the SHA-256 of the signing input); the public key read from the token.</summary>
public sealed partial class Pkcs11CryptoProvider : ISigning
{
    public string SignJws(KeyHandle signingKey, ReadOnlySpan<byte> payload)
    {
        var data = payload.ToArray();
        return Run(session =>
        {
            var key = Use(session, signingKey, "signing results", KeyUsage.ResultSigning);
            var signingInput = key.Public!.SigningInput(data);
            return EcPublicKey.Jws(signingInput, session.Sign(Mechanisms.Ecdsa, key.Main, SHA256.HashData(Encoding.ASCII.GetBytes(signingInput))));
        });
    }

    public IReadOnlyDictionary<string, string> PublicJwk(KeyHandle signingKey) =>
        Run(session => Use(session, signingKey, "signing results", KeyUsage.ResultSigning).Public!.PublicJwk());
}
