using IssuerVerification.Crypto.Algorithms;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// A double-length key held in the token as its two DES halves: A may only encrypt, B may only decrypt, and TDES is
/// E_A(D_B(E_A(x))). Valid for one operation on the session it was made for.
/// </summary>
internal sealed class TokenTdes(ISession session, IObjectHandle a, IObjectHandle b) : ITdesKey
{
    public void EncryptA(byte[] block) => session.Encrypt(Mechanisms.DesEcb, a, block).CopyTo(block, 0);

    public void DecryptB(byte[] block) => session.Decrypt(Mechanisms.DesEcb, b, block).CopyTo(block, 0);

    public void Encrypt(byte[] block)
    {
        EncryptA(block);
        DecryptB(block);
        EncryptA(block);
    }
}
