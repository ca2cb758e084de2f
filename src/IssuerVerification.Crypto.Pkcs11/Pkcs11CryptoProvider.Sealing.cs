using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// Stored data: HMAC-SHA256 (CKM_SHA256_HMAC) for PAN fingerprints, secret hashes and the audit chain; AES-256-GCM
/// (CKM_AES_GCM, nonce drawn in process as the software provider does) for PANs, contacts and sealed data; same layouts.
/// </summary>
public sealed partial class Pkcs11CryptoProvider : ISealing
{
    public byte[] PanFingerprint(KeyHandle key, ReadOnlySpan<char> pan)
    {
        var text = pan.ToString();
        return Run(session =>
        {
            var hmac = Use(session, key, "PAN fingerprints", KeyUsage.PanFingerprint);
            DigitInput.RequirePan(text);
            return session.Sign(Mechanisms.HmacSha256, hmac.Main, Encoding.ASCII.GetBytes(text));
        });
    }

    public byte[] EncryptPan(KeyHandle key, ReadOnlySpan<char> pan, ReadOnlySpan<byte> fingerprint)
    {
        var (text, binding) = (pan.ToString(), fingerprint.ToArray());
        return Run(session => CardData.EncryptPan(Gcm(session, key, "PAN encryption", KeyUsage.PanEncryption), text, binding));
    }

    public string DecryptPan(KeyHandle key, byte[] encrypted, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        var binding = fingerprint.ToArray();
        return Run(session => CardData.DecryptPan(Gcm(session, key, "PAN encryption", KeyUsage.PanEncryption), encrypted, binding));
    }

    public byte[] SealCardholder(KeyHandle key, ReadOnlySpan<byte> contacts, ReadOnlySpan<byte> fingerprint)
    {
        var (data, binding) = (contacts.ToArray(), fingerprint.ToArray());
        return Run(session => CardData.SealCardholder(Gcm(session, key, "cardholder contacts", KeyUsage.PanEncryption), data, binding));
    }

    public byte[] OpenCardholder(KeyHandle key, byte[] sealedContacts, ReadOnlySpan<byte> fingerprint)
    {
        var binding = fingerprint.ToArray();
        return Run(session => CardData.OpenCardholder(Gcm(session, key, "cardholder contacts", KeyUsage.PanEncryption), sealedContacts, binding));
    }

    public byte[] SecretHash(KeyHandle key, ReadOnlySpan<byte> data) => Hmac256(key, "secret hashes", KeyUsage.SecretHashing, data.ToArray());

    public void AuditMac(KeyHandle key, ReadOnlySpan<byte> data, Span<byte> mac) =>
        Hmac256(key, "the audit chain", KeyUsage.AuditChain, data.ToArray()).CopyTo(mac);

    public byte[] Seal(KeyHandle key, ReadOnlySpan<byte> plaintext)
    {
        var data = plaintext.ToArray();
        return Run(session => GcmEnvelope.Seal(Gcm(session, key, "sealing data", KeyUsage.ResponseSealing), GcmEnvelope.SealedFormat, data));
    }

    public byte[] Unseal(KeyHandle key, byte[] sealedData) =>
        Run(session => GcmEnvelope.Open(Gcm(session, key, "sealing data", KeyUsage.ResponseSealing), GcmEnvelope.SealedFormat, sealedData));

    private byte[] Hmac256(KeyHandle key, string operation, KeyUsage usage, byte[] data) =>
        Run(session => session.Sign(Mechanisms.HmacSha256, Use(session, key, operation, usage).Main, data));

    private TokenGcm Gcm(ISession session, KeyHandle key, string operation, KeyUsage usage) => new(session, Use(session, key, operation, usage).Main);
}
