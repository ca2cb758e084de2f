using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce, laid out as format (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16).
/// The format byte (<see cref="PanFormat"/> or <see cref="SealedFormat"/>) is authenticated as associated
/// data, so an encrypted PAN cannot be opened as sealed data or the other way round.
/// </summary>
internal static class GcmEnvelope
{
    public const byte PanFormat = 1;
    public const byte SealedFormat = 2;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = 1 + NonceLength + TagLength;

    public static byte[] Seal(byte[] key, byte format, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = format;
        var nonce = output.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagLength);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceLength, plaintext.Length), output.AsSpan(^TagLength), output.AsSpan(0, 1));
        return output;
    }

    public static byte[] Open(byte[] key, byte format, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < Overhead || data[0] != format)
        {
            throw new CryptoException("Not encrypted data of the expected format.");
        }

        var plaintext = new byte[data.Length - Overhead];
        try
        {
            using var gcm = new AesGcm(key, TagLength);
            gcm.Decrypt(data.AsSpan(1, NonceLength), data.AsSpan(1 + NonceLength, plaintext.Length), data.AsSpan(^TagLength), plaintext, data.AsSpan(0, 1));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptoException("The encrypted data failed its integrity check.");
        }
    }
}
