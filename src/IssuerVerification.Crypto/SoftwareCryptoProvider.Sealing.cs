using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>
/// Stored data: PAN fingerprints, secret hashes and the audit chain (HMAC-SHA256), PAN encryption, cardholder contacts and
/// sealing (AES-256-GCM); PANs and contacts bound to their card's fingerprint (<see cref="CardData"/>).
/// </summary>
public sealed partial class SoftwareCryptoProvider : ISealing
{
    public byte[] PanFingerprint(KeyHandle key, ReadOnlySpan<char> pan)
    {
        var material = Use(key, "PAN fingerprints", KeyUsage.PanFingerprint).Material;
        DigitInput.RequirePan(pan);
        Span<byte> ascii = stackalloc byte[pan.Length];
        Encoding.ASCII.GetBytes(pan, ascii);
        return HMACSHA256.HashData(material, ascii);
    }

    public byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan, ReadOnlySpan<byte> fingerprint) =>
        CardData.EncryptPan(Gcm(key, "PAN encryption"), pan, fingerprint);

    public string DecryptPan(KeyHandle key, byte[] encrypted, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        return CardData.DecryptPan(Gcm(key, "PAN encryption"), encrypted, fingerprint);
    }

    public byte[] SealCardholder(KeyHandle key, ReadOnlySpan<byte> contacts, ReadOnlySpan<byte> fingerprint) =>
        CardData.SealCardholder(Gcm(key, "cardholder contacts"), contacts, fingerprint);

    public byte[] OpenCardholder(KeyHandle key, byte[] sealedContacts, ReadOnlySpan<byte> fingerprint) =>
        CardData.OpenCardholder(Gcm(key, "cardholder contacts"), sealedContacts, fingerprint);

    public byte[] SecretHash(KeyHandle key, ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(Use(key, "secret hashes", KeyUsage.SecretHashing).Material, data);

    public void AuditMac(KeyHandle key, ReadOnlySpan<byte> data, Span<byte> mac) =>
        HMACSHA256.HashData(Use(key, "the audit chain", KeyUsage.AuditChain).Material, data, mac);

    public byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext) =>
        GcmEnvelope.Seal(Use(key, "sealing data", KeyUsage.ResponseSealing).Material, GcmEnvelope.SealedFormat, plaintext);

    public byte[] Unseal(KeyHandle key, byte[] sealedData) =>
        GcmEnvelope.Open(Use(key, "sealing data", KeyUsage.ResponseSealing).Material, GcmEnvelope.SealedFormat, sealedData);

    private SoftwareGcm Gcm(KeyHandle key, string operation) => new(Use(key, operation, KeyUsage.PanEncryption).Material);
}
