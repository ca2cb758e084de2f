using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>The service's own keys: PAN fingerprint, PAN encryption, result signing.</summary>
public sealed partial class SoftwareCryptoProvider
{
    public byte[] PanFingerprint(KeyHandle key, ReadOnlySpan<char> pan)
    {
        var material = Use(key, "PAN fingerprints", KeyUsage.PanFingerprint).Material;
        DigitInput.RequirePan(pan);
        Span<byte> ascii = stackalloc byte[pan.Length];
        Encoding.ASCII.GetBytes(pan, ascii);
        return HMACSHA256.HashData(material, ascii);
    }

    public byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan)
    {
        var material = Use(key, "PAN encryption", KeyUsage.PanEncryption).Material;
        DigitInput.RequirePan(pan);
        Span<byte> ascii = stackalloc byte[pan.Length];
        Encoding.ASCII.GetBytes(pan, ascii);
        return GcmEnvelope.Seal(material, GcmEnvelope.PanFormat, ascii);
    }

    public string DecryptPan(KeyHandle key, byte[] encrypted)
    {
        var material = Use(key, "PAN encryption", KeyUsage.PanEncryption).Material;
        var pan = Encoding.ASCII.GetString(GcmEnvelope.Open(material, GcmEnvelope.PanFormat, encrypted));
        DigitInput.RequirePan(pan);
        return pan;
    }

    public string SignJws(KeyHandle signingKey, ReadOnlySpan<byte> payload) =>
        Use(signingKey, "signing results", KeyUsage.ResultSigning).Signing.SignJws(payload);

    public IReadOnlyDictionary<string, string> PublicJwk(KeyHandle signingKey) =>
        Use(signingKey, "signing results", KeyUsage.ResultSigning).Signing.PublicJwk();
}
