using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto;

/// <summary>Key exchange under a KEK: TR-31 key blocks in and out, TDES-ECB cryptograms in. Clear buffers are zeroed.</summary>
public sealed partial class SoftwareCryptoProvider : IKeyExchange
{
    public ImportedKeyBlock ImportKeyBlock(Guid id, string alias, KeyUsage usage, bool exportable, KeyHandle kek, string keyBlock)
    {
        var header = KeyBlockHeader.Parse(keyBlock);
        KeyBlockUsages.RequireFits(header, usage, exportable);
        var key = Tr31KeyBlock.Unwrap(header, keyBlock, Use(kek, KeyExchangeRules.Operation, KeyUsage.Kek).Material, kek.Algorithm);
        try
        {
            var algorithm = KeyBlockUsages.AlgorithmOf(usage, header.Algorithm, key.Length);
            return new(Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), KeyExchangeRules.RequireNotZero(algorithm, key)), header);
        }
        catch
        {
            Array.Clear(key);
            throw;
        }
    }

    public KeyHandle ImportCryptogram(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable, KeyHandle zmk, byte[] cryptogram, string expectedKcv)
    {
        KeySpec.RequirePair(usage, algorithm);
        var kek = Use(zmk, KeyExchangeRules.Operation, KeyUsage.Kek);
        KeyExchangeRules.RequireCryptogram(zmk, algorithm, cryptogram);

        var engine = new DesEdeEngine();
        engine.Init(false, new KeyParameter(kek.Material));
        var key = new byte[cryptogram.Length];
        for (var i = 0; i < key.Length; i += 8)
        {
            engine.ProcessBlock(cryptogram, i, key, i);
        }
        return Wrap(new KeyHandle(id, alias, usage, algorithm, "", [], exportable), KeyExchangeRules.RequireKcv(algorithm, key, expectedKcv));
    }

    public string ExportKeyBlock(KeyHandle key, KeyHandle kek)
    {
        var header = KeyExchangeRules.ExportHeader(key, kek);
        var wrapping = Use(kek, KeyExchangeRules.Operation, KeyUsage.Kek);
        return Tr31KeyBlock.Wrap(header, Resolve(key).Material, wrapping.Material, kek.Algorithm);
    }
}
