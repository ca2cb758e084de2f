using System.Security.Cryptography;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>AES-256-GCM with a 16-byte tag under one key, in process (<see cref="SoftwareGcm"/>) or inside a token.</summary>
internal interface IGcm
{
    void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData);

    /// <summary>False when the tag does not authenticate the ciphertext and associated data.</summary>
    bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);
}

/// <summary>AES-GCM of .NET under a clear key kept by the software provider.</summary>
internal sealed class SoftwareGcm(byte[] key) : IGcm
{
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        using var gcm = new AesGcm(key, tag.Length);
        gcm.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
    }

    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            using var gcm = new AesGcm(key, tag.Length);
            gcm.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
