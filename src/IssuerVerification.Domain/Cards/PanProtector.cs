using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>Turns a PAN into what may be stored: keyed fingerprint, ciphertext, masked form.</summary>
public sealed class PanProtector(ISealing crypto, KeyRing keys)
{
    public async Task<byte[]> FingerprintAsync(Pan pan, CancellationToken ct) =>
        crypto.PanFingerprint(await keys.SystemKeyAsync(KeyUsage.PanFingerprint, ct), pan.Digits);

    public async Task<byte[]> EncryptAsync(Pan pan, CancellationToken ct) =>
        crypto.EncryptPan(await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct), pan.Digits);

    public async Task<Pan> DecryptAsync(byte[] encrypted, CancellationToken ct) =>
        Pan.Parse(crypto.DecryptPan(await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct), encrypted));
}
