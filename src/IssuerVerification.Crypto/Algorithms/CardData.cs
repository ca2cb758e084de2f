using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>PANs and cardholder contacts in <see cref="GcmEnvelope"/>s bound to their card's PAN fingerprint, under any AES-GCM key.</summary>
internal static class CardData
{
    public static byte[] EncryptPan(IGcm gcm, ReadOnlySpan<char> pan, ReadOnlySpan<byte> fingerprint)
    {
        DigitInput.RequirePan(pan);
        Span<byte> ascii = stackalloc byte[pan.Length];
        Encoding.ASCII.GetBytes(pan, ascii);
        return GcmEnvelope.Seal(gcm, GcmEnvelope.PanFormat, ascii, RequireFingerprint(fingerprint));
    }

    /// <summary>A PAN encrypted before PANs were bound opens without the binding: the caller checks it against the fingerprint.</summary>
    public static string DecryptPan(IGcm gcm, byte[] encrypted, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        var clear = encrypted is [GcmEnvelope.UnboundPanFormat, ..]
            ? GcmEnvelope.Open(gcm, GcmEnvelope.UnboundPanFormat, encrypted)
            : GcmEnvelope.Open(gcm, GcmEnvelope.PanFormat, encrypted, RequireFingerprint(fingerprint));
        var pan = Encoding.ASCII.GetString(clear);
        DigitInput.RequirePan(pan);
        return pan;
    }

    public static byte[] SealCardholder(IGcm gcm, ReadOnlySpan<byte> contacts, ReadOnlySpan<byte> fingerprint) =>
        GcmEnvelope.Seal(gcm, GcmEnvelope.CardholderFormat, contacts, RequireFingerprint(fingerprint));

    public static byte[] OpenCardholder(IGcm gcm, byte[] sealedContacts, ReadOnlySpan<byte> fingerprint) =>
        GcmEnvelope.Open(gcm, GcmEnvelope.CardholderFormat, sealedContacts, RequireFingerprint(fingerprint));

    /// <summary>Card data is bound to a PAN fingerprint (HMAC-SHA256, 32 bytes); anything else is a caller's mistake.</summary>
    private static ReadOnlySpan<byte> RequireFingerprint(ReadOnlySpan<byte> fingerprint) =>
        fingerprint.Length == 32 ? fingerprint : throw new CryptoException("Card data is bound to a 32-byte PAN fingerprint.");
}
