using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Keys;

/// <summary>The refusals of key exchange that do not depend on where the keys are held: both providers apply them.</summary>
internal static class KeyExchangeRules
{
    public const string Operation = "key exchange";

    /// <summary>The header of the block <paramref name="key"/> is exported in under <paramref name="kek"/>, once export is allowed.</summary>
    public static KeyBlockHeader ExportHeader(KeyHandle key, KeyHandle kek)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(kek);
        if (!key.Exportable)
        {
            throw new CryptoException($"Key '{key.Alias}' was not created exportable.");
        }
        if (key.Id == kek.Id)
        {
            throw new CryptoException("A key is not exported under itself.");
        }
        var usage = KeyBlockUsages.HeaderFor(key.Usage);
        if (kek.Usage != KeyUsage.Kek)
        {
            throw new CryptoException($"A {kek.Usage} key cannot be used for {Operation}.");
        }
        if (Strength(kek.Algorithm) < Strength(key.Algorithm))
        {
            throw new CryptoException($"A {key.Algorithm} key is not exported under a weaker {kek.Algorithm} KEK.");
        }
        return KeyBlockHeader.Of(kek.Algorithm == KeyAlgorithm.Aes256 ? 'D' : 'B', usage, KeyBlockUsages.AlgorithmLetter(key.Algorithm));
    }

    /// <summary>A TDES-ECB cryptogram holds a TDES key of its own length under a TDES ZMK.</summary>
    public static void RequireCryptogram(KeyHandle zmk, KeyAlgorithm algorithm, byte[] cryptogram)
    {
        ArgumentNullException.ThrowIfNull(zmk);
        ArgumentNullException.ThrowIfNull(cryptogram);
        if (!KeySpec.IsTdes(zmk.Algorithm) || !KeySpec.IsTdes(algorithm))
        {
            throw new CryptoException("A TDES-ECB cryptogram holds a TDES key under a TDES ZMK; AES keys travel as TR-31 key blocks (version D).");
        }
        if (cryptogram.Length != KeyUsages.KeyLength(algorithm))
        {
            throw new CryptoException($"The cryptogram of a {algorithm} key is {KeyUsages.KeyLength(algorithm)} bytes.");
        }
    }

    /// <summary>Refuses (and zeroes) a decrypted key whose check value is not <paramref name="expectedKcv"/>, or that is all zeros.</summary>
    public static byte[] RequireKcv(KeyAlgorithm algorithm, byte[] key, string expectedKcv)
    {
        ArgumentNullException.ThrowIfNull(expectedKcv);
        var kcv = Encoding.ASCII.GetBytes(KeyCheckValue.Of(algorithm, key));
        if (!CryptographicOperations.FixedTimeEquals(kcv, Encoding.ASCII.GetBytes(expectedKcv.ToUpperInvariant())))
        {
            Array.Clear(key);
            throw new CryptoException("The decrypted key's check value is not the KCV given: the cryptogram is not under this ZMK, or the cryptogram or KCV is wrong.");
        }
        return RequireNotZero(algorithm, key);
    }

    public static byte[] RequireNotZero(KeyAlgorithm algorithm, byte[] key) =>
        WeakKeys.IsZero(algorithm, key) ? throw new CryptoException("The imported key is all zeros.") : key;

    /// <summary>Effective strength order of the algorithms a key block carries (X9.24: a KEK at least as strong as the key it protects).</summary>
    private static int Strength(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => 1,
        KeyAlgorithm.Tdes3Key => 2,
        _ => 3,
    };
}
