using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto;

/// <summary>
/// Stored data: PAN fingerprints, secret hashes and the audit chain (HMAC-SHA256), PAN encryption, cardholder contacts and
/// sealing (AES-256-GCM); PANs and contacts bound to their card's fingerprint.
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

    public byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan, ReadOnlySpan<byte> fingerprint)
    {
        var material = Use(key, "PAN encryption", KeyUsage.PanEncryption).Material;
        DigitInput.RequirePan(pan);
        Span<byte> ascii = stackalloc byte[pan.Length];
        Encoding.ASCII.GetBytes(pan, ascii);
        return GcmEnvelope.Seal(material, GcmEnvelope.PanFormat, ascii, RequireFingerprint(fingerprint));
    }

    public string DecryptPan(KeyHandle key, byte[] encrypted, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        var material = Use(key, "PAN encryption", KeyUsage.PanEncryption).Material;
        var clear = encrypted is [GcmEnvelope.UnboundPanFormat, ..]
            ? GcmEnvelope.Open(material, GcmEnvelope.UnboundPanFormat, encrypted)
            : GcmEnvelope.Open(material, GcmEnvelope.PanFormat, encrypted, RequireFingerprint(fingerprint));
        var pan = Encoding.ASCII.GetString(clear);
        DigitInput.RequirePan(pan);
        return pan;
    }

    public byte[] SealCardholder(KeyHandle key, ReadOnlySpan<byte> contacts, ReadOnlySpan<byte> fingerprint) =>
        GcmEnvelope.Seal(Use(key, "cardholder contacts", KeyUsage.PanEncryption).Material, GcmEnvelope.CardholderFormat, contacts, RequireFingerprint(fingerprint));

    public byte[] OpenCardholder(KeyHandle key, byte[] sealedContacts, ReadOnlySpan<byte> fingerprint) =>
        GcmEnvelope.Open(Use(key, "cardholder contacts", KeyUsage.PanEncryption).Material, GcmEnvelope.CardholderFormat, sealedContacts, RequireFingerprint(fingerprint));

    /// <summary>Card data is bound to a PAN fingerprint (HMAC-SHA256, 32 bytes); anything else is a caller's mistake.</summary>
    private static ReadOnlySpan<byte> RequireFingerprint(ReadOnlySpan<byte> fingerprint) =>
        fingerprint.Length == 32 ? fingerprint : throw new CryptoException("Card data is bound to a 32-byte PAN fingerprint.");

    public byte[] SecretHash(KeyHandle key, ReadOnlySpan<byte> data) =>
        HMACSHA256.HashData(Use(key, "secret hashes", KeyUsage.SecretHashing).Material, data);

    public void AuditMac(KeyHandle key, ReadOnlySpan<byte> data, Span<byte> mac) =>
        HMACSHA256.HashData(Use(key, "the audit chain", KeyUsage.AuditChain).Material, data, mac);

    public byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext) =>
        GcmEnvelope.Seal(Use(key, "sealing data", KeyUsage.ResponseSealing).Material, GcmEnvelope.SealedFormat, plaintext);

    public byte[] Unseal(KeyHandle key, byte[] sealedData) =>
        GcmEnvelope.Open(Use(key, "sealing data", KeyUsage.ResponseSealing).Material, GcmEnvelope.SealedFormat, sealedData);
}
