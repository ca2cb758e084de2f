using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto;

/// <summary>Key exchange under a KEK: TR-31 key blocks in and out, TDES-ECB cryptograms in. Clear buffers are zeroed.</summary>
public sealed partial class SoftwareCryptoProvider : IKeyExchange
{
    private const string KeyExchange = "key exchange";

    public ImportedKeyBlock ImportKeyBlock(Guid id, string alias, KeyUsage usage, bool exportable, KeyHandle kek, string keyBlock)
    {
        var header = KeyBlockHeader.Parse(keyBlock);
        KeyBlockUsages.RequireFits(header, usage, exportable);
        var key = Tr31KeyBlock.Unwrap(header, keyBlock, Use(kek, KeyExchange, KeyUsage.Kek).Material, kek.Algorithm);
        try
        {
            var algorithm = KeyBlockUsages.AlgorithmOf(usage, header.Algorithm, key.Length);
            return new(Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), RequireNotZero(algorithm, key)), header);
        }
        catch
        {
            Array.Clear(key);
            throw;
        }
    }

    public KeyHandle ImportCryptogram(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable, KeyHandle zmk, byte[] cryptogram, string expectedKcv)
    {
        ArgumentNullException.ThrowIfNull(cryptogram);
        ArgumentNullException.ThrowIfNull(expectedKcv);
        KeySpec.RequirePair(usage, algorithm);
        var kek = Use(zmk, KeyExchange, KeyUsage.Kek);
        if (!KeySpec.IsTdes(kek.Algorithm) || !KeySpec.IsTdes(algorithm))
        {
            throw new CryptoException("A TDES-ECB cryptogram holds a TDES key under a TDES ZMK; AES keys travel as TR-31 key blocks (version D).");
        }
        if (cryptogram.Length != KeyUsages.KeyLength(algorithm))
        {
            throw new CryptoException($"The cryptogram of a {algorithm} key is {KeyUsages.KeyLength(algorithm)} bytes.");
        }

        var engine = new DesEdeEngine();
        engine.Init(false, new KeyParameter(kek.Material));
        var key = new byte[cryptogram.Length];
        for (var i = 0; i < key.Length; i += 8)
        {
            engine.ProcessBlock(cryptogram, i, key, i);
        }
        var kcv = Encoding.ASCII.GetBytes(KeyCheckValue.Of(algorithm, key));
        if (!CryptographicOperations.FixedTimeEquals(kcv, Encoding.ASCII.GetBytes(expectedKcv.ToUpperInvariant())))
        {
            Array.Clear(key);
            throw new CryptoException("The decrypted key's check value is not the KCV given: the cryptogram is not under this ZMK, or the cryptogram or KCV is wrong.");
        }
        return Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), RequireNotZero(algorithm, key));
    }

    public string ExportKeyBlock(KeyHandle key, KeyHandle kek)
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
        var wrapping = Use(kek, KeyExchange, KeyUsage.Kek);
        if (Strength(kek.Algorithm) < Strength(key.Algorithm))
        {
            throw new CryptoException($"A {key.Algorithm} key is not exported under a weaker {kek.Algorithm} KEK.");
        }
        var version = kek.Algorithm == KeyAlgorithm.Aes256 ? 'D' : 'B';
        var header = KeyBlockHeader.Of(version, usage, KeyBlockUsages.AlgorithmLetter(key.Algorithm));
        return Tr31KeyBlock.Wrap(header, Resolve(key).Material, wrapping.Material, kek.Algorithm);
    }

    /// <summary>Effective strength order of the algorithms a key block carries (X9.24: a KEK at least as strong as the key it protects).</summary>
    private static int Strength(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => 1,
        KeyAlgorithm.Tdes3Key => 2,
        _ => 3,
    };

    private static byte[] RequireNotZero(KeyAlgorithm algorithm, byte[] key) =>
        WeakKeys.IsZero(algorithm, key) ? throw new CryptoException("The imported key is all zeros.") : key;
}
