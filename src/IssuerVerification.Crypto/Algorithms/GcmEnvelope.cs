using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce, laid out as format (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
/// The associated data is the format byte followed by the binding (for card data: the card's PAN fingerprint), so data of
/// one format cannot be opened as another, and card data opens only under the fingerprint it was encrypted for.
/// </summary>
internal static class GcmEnvelope
{
    /// <summary>A PAN encrypted without binding, before PANs were bound to their fingerprint; still opened, never written.</summary>
    public const byte UnboundPanFormat = 1;
    public const byte SealedFormat = 2;
    /// <summary>A PAN bound to its card's fingerprint.</summary>
    public const byte PanFormat = 3;
    /// <summary>A cardholder's contacts bound to their card's fingerprint.</summary>
    public const byte CardholderFormat = 4;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = 1 + NonceLength + TagLength;

    public static byte[] Seal(byte[] key, byte format, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> binding = default) =>
        Seal(new SoftwareGcm(key), format, plaintext, binding);

    public static byte[] Open(byte[] key, byte format, byte[] data, ReadOnlySpan<byte> binding = default) =>
        Open(new SoftwareGcm(key), format, data, binding);

    public static byte[] Seal(IGcm gcm, byte format, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> binding = default)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = format;
        var nonce = output.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceLength, plaintext.Length), output.AsSpan(^TagLength), [format, .. binding]);
        return output;
    }

    public static byte[] Open(IGcm gcm, byte format, byte[] data, ReadOnlySpan<byte> binding = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < Overhead || data[0] != format)
        {
            throw new CryptoException("Not encrypted data of the expected format.");
        }

        var plaintext = new byte[data.Length - Overhead];
        if (gcm.TryDecrypt(data.AsSpan(1, NonceLength), data.AsSpan(1 + NonceLength, plaintext.Length), data.AsSpan(^TagLength), plaintext, [format, .. binding]))
        {
            return plaintext;
        }

        throw new CryptoException(binding.IsEmpty ? "The encrypted data failed its integrity check."
            : "The encrypted data failed its integrity check: it was altered or belongs to another card.");
    }
}
