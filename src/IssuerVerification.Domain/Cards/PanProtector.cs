using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>
/// Turns a PAN and its cardholder's contacts into what may be stored: keyed fingerprint, masked form, and ciphertexts bound
/// to the fingerprint, so that a ciphertext copied onto another card's row is refused rather than served under that card.
/// </summary>
public sealed class PanProtector(ISealing crypto, KeyRing keys)
{
    public async Task<byte[]> FingerprintAsync(Pan pan, CancellationToken ct) =>
        crypto.PanFingerprint(await keys.SystemKeyAsync(KeyUsage.PanFingerprint, ct), pan.Digits);

    public async Task<byte[]> EncryptAsync(Pan pan, byte[] fingerprint, CancellationToken ct) =>
        crypto.EncryptPan(await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct), pan.Digits, fingerprint);

    /// <summary>
    /// The PAN of the card whose fingerprint is <paramref name="fingerprint"/>. The fingerprint of the PAN decrypted is checked
    /// too, which is what refuses a ciphertext written before the binding (an unbound one) that was moved to another card.
    /// </summary>
    public async Task<Pan> DecryptAsync(byte[] encrypted, byte[] fingerprint, CancellationToken ct)
    {
        var key = await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct);
        var pan = Pan.Parse(Checked("PAN", () => crypto.DecryptPan(key, encrypted, fingerprint)));
        return CryptographicOperations.FixedTimeEquals(await FingerprintAsync(pan, ct), fingerprint) ? pan : throw new CardIntegrityException("PAN");
    }

    /// <summary>The contacts to store: phone and email sealed together (UTF-8, one per line), bound to the card.</summary>
    public async Task<StoredCardholder> SealCardholderAsync(Cardholder cardholder, byte[] fingerprint, CancellationToken ct) => new()
    {
        Name = cardholder.Name,
        BankApp = cardholder.BankApp,
        SealedContacts = cardholder.Phone is null && cardholder.Email is null ? null
            : crypto.SealCardholder(await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct),
                Encoding.UTF8.GetBytes($"{cardholder.Phone}\n{cardholder.Email}"), fingerprint),
    };

    public async Task<Cardholder> OpenCardholderAsync(StoredCardholder stored, byte[] fingerprint, CancellationToken ct)
    {
        if (stored.SealedContacts is null)
        {
            return new Cardholder { Name = stored.Name, BankApp = stored.BankApp };
        }
        var key = await keys.SystemKeyAsync(KeyUsage.PanEncryption, ct);
        var lines = Encoding.UTF8.GetString(Checked("contacts", () => crypto.OpenCardholder(key, stored.SealedContacts, fingerprint))).Split('\n', 2);
        return new Cardholder { Name = stored.Name, BankApp = stored.BankApp, Phone = NullIfEmpty(lines[0]), Email = NullIfEmpty(lines[1]) };
    }

    private static T Checked<T>(string what, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (CryptoException e)
        {
            throw new CardIntegrityException(what, e);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
