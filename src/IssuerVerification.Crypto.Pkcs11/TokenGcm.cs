using IssuerVerification.Crypto.Algorithms;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>AES-GCM (CKM_AES_GCM, 16-byte tag) under a token key; the token returns ciphertext ‖ tag.</summary>
internal sealed class TokenGcm(ISession session, IObjectHandle key) : IGcm
{
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        using var mechanism = Mechanisms.AesGcm(nonce.ToArray(), associatedData.ToArray(), tag.Length);
        var output = session.Encrypt(mechanism, key, plaintext.ToArray());
        output.AsSpan(0, ciphertext.Length).CopyTo(ciphertext);
        output.AsSpan(ciphertext.Length).CopyTo(tag);
    }

    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var mechanism = Mechanisms.AesGcm(nonce.ToArray(), associatedData.ToArray(), tag.Length);
        try
        {
            session.Decrypt(mechanism, key, [.. ciphertext, .. tag]).CopyTo(plaintext);
            return true;
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_ENCRYPTED_DATA_INVALID or CKR.CKR_ENCRYPTED_DATA_LEN_RANGE or CKR.CKR_GENERAL_ERROR)
        {
            // SoftHSM2 answers a GCM tag mismatch with CKR_GENERAL_ERROR; a token that really failed fails the next call too.
            return false;
        }
    }
}
