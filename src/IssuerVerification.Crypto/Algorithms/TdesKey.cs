using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// A double-length key A‖B with its DES engines initialised once. TDES is composed as
/// E_A(D_B(E_A(x))) from two single-DES engines because BouncyCastle's DesEdeEngine allocates a
/// temporary block on every call. DesEngine.ProcessBlock only reads the key schedule, so a keyed
/// instance may be shared by many threads; <see cref="SetKey"/> is for per-thread instances only.
/// All block methods work in place on an 8-byte array.
/// </summary>
internal sealed class TdesKey : ITdesKey
{
    private readonly DesEngine _encryptA = new();
    private readonly DesEngine _decryptB = new();

    public TdesKey()
    {
    }

    public TdesKey(byte[] key) => SetKey(key);

    /// <summary>Builds both key schedules (about 800 bytes of garbage in BouncyCastle: do it once per key).</summary>
    public void SetKey(byte[] key)
    {
        if (key.Length != 16)
        {
            throw new CryptoException("A double-length TDES key is 16 bytes.");
        }

        _encryptA.Init(true, new KeyParameter(key, 0, 8));
        _decryptB.Init(false, new KeyParameter(key, 8, 8));
    }

    /// <summary>Single DES with the left half: DES_A.</summary>
    public void EncryptA(byte[] block) => _encryptA.ProcessBlock(block, 0, block, 0);

    /// <summary>Single DES decryption with the right half: DES⁻¹_B.</summary>
    public void DecryptB(byte[] block) => _decryptB.ProcessBlock(block, 0, block, 0);

    /// <summary>Two-key TDES encryption: E_A(D_B(E_A(x))).</summary>
    public void Encrypt(byte[] block)
    {
        EncryptA(block);
        DecryptB(block);
        EncryptA(block);
    }
}
