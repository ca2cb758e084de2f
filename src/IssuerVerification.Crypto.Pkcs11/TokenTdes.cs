using IssuerVerification.Crypto.Algorithms;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// A double-length key held in the token as its two DES halves: A may only encrypt, B may only decrypt, and TDES is
/// E_A(D_B(E_A(x))). SoftHSM2 on OpenSSL 3 refuses single DES (CKM_DES_ECB), so each half K is a three-key TDES key
/// K‖K‖K under CKM_DES3_ECB, which is DES with K. Valid for one operation on the session it was made for.
/// </summary>
internal sealed class TokenTdes(ISession session, IObjectHandle a, IObjectHandle b) : ITdesKey
{
    public void EncryptA(byte[] block) => session.Encrypt(Mechanisms.Des3Ecb, a, block).CopyTo(block, 0);

    public void DecryptB(byte[] block) => session.Decrypt(Mechanisms.Des3Ecb, b, block).CopyTo(block, 0);

    public void Encrypt(byte[] block)
    {
        EncryptA(block);
        DecryptB(block);
        EncryptA(block);
    }
}

/// <summary>The value of a DES half as the token holds it (<see cref="TokenTdes"/>): K‖K‖K.</summary>
internal static class DesHalf
{
    public static byte[] Tripled(ReadOnlySpan<byte> half) => [.. half, .. half, .. half];
}
