using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;
using Net.Pkcs11Interop.HighLevelAPI;

namespace IssuerVerification.Crypto.Pkcs11;

/// <summary>
/// Key exchange with the KEK in the token: it decrypts TDES-ECB cryptograms and computes the CMACs that derive a TR-31
/// block's encryption and MAC keys; the block itself is opened or built in the provider, and an imported key becomes token
/// objects at once. Clear buffers are zeroed. See docs/crypto-provider.md, "Key exchange in the token".
/// </summary>
public sealed partial class Pkcs11CryptoProvider
{
    public ImportedKeyBlock ImportKeyBlock(Guid id, string alias, KeyUsage usage, bool exportable, KeyHandle kek, string keyBlock)
    {
        var header = KeyBlockHeader.Parse(keyBlock);
        KeyBlockUsages.RequireFits(header, usage, exportable);
        return Run(session =>
        {
            var wrapping = Use(session, kek, KeyExchangeRules.Operation, KeyUsage.Kek);
            var key = Tr31KeyBlock.Unwrap(header, keyBlock, version => BlockKeys(session, wrapping, version), () => Variants(session, wrapping), kek.Algorithm);
            try
            {
                var algorithm = KeyBlockUsages.AlgorithmOf(usage, header.Algorithm, key.Length);
                KeyExchangeRules.RequireNotZero(algorithm, key);
                return new ImportedKeyBlock(Created(session, new KeyHandle(id, alias, usage, algorithm, "", [], exportable), key), header);
            }
            finally
            {
                Array.Clear(key);
            }
        });
    }

    public KeyHandle ImportCryptogram(Guid id, string alias, KeyUsage usage, KeyAlgorithm algorithm, bool exportable, KeyHandle zmk, byte[] cryptogram, string expectedKcv)
    {
        KeySpec.RequirePair(usage, algorithm);
        return Run(session =>
        {
            var kek = Use(session, zmk, KeyExchangeRules.Operation, KeyUsage.Kek);
            KeyExchangeRules.RequireCryptogram(zmk, algorithm, cryptogram);
            var key = session.Decrypt(Mechanisms.Des3Ecb, kek.Main, cryptogram);
            try
            {
                return Created(session, new KeyHandle(id, alias, usage, algorithm, "", [], exportable), KeyExchangeRules.RequireKcv(algorithm, key, expectedKcv));
            }
            finally
            {
                Array.Clear(key);
            }
        });
    }

    public string ExportKeyBlock(KeyHandle key, KeyHandle kek)
    {
        var header = KeyExchangeRules.ExportHeader(key, kek);
        return Run(session =>
        {
            var wrapping = Use(session, kek, KeyExchangeRules.Operation, KeyUsage.Kek);
            var clear = TokenObjects.Extract(session, Resolve(session, key));
            try
            {
                return Tr31KeyBlock.Wrap(header, clear, version => BlockKeys(session, wrapping, version), kek.Algorithm);
            }
            finally
            {
                Array.Clear(clear);
            }
        });
    }

    /// <summary>Versions B and D: the KEK's CMACs, computed in the token.</summary>
    private static Tr31Keys BlockKeys(ISession session, TokenKey kek, char version) =>
        Tr31Keys.Derive(version, KeyUsages.KeyLength(kek.Handle.Algorithm), data => session.Sign(version == 'B' ? Mechanisms.Des3Cmac : Mechanisms.AesCmac, kek.Main, data));

    /// <summary>Versions A and C: the KEK's variant objects, made when it entered the token (<see cref="TokenObjects"/>).</summary>
    private static TokenVariants Variants(ISession session, TokenKey kek) =>
        TokenObjects.Variant(session, kek.Handle, Tr31Variants.EncryptionMask) is { } encryption
        && TokenObjects.Variant(session, kek.Handle, Tr31Variants.MacMask) is { } mac
            ? new TokenVariants(session, encryption, mac)
            : throw new CryptoException("A version A or C key block (legacy variant binding) needs the KEK's variants, which the token makes "
                + "only when a KEK enters it in clear parts, as a cryptogram or as a key block; this KEK was generated in the token: ask the sender "
                + "for version B or D (docs/crypto-provider.md).");

    private sealed class TokenVariants(ISession session, IObjectHandle encryption, IObjectHandle mac) : ILegacyBlockKeys
    {
        public byte[] MacStep(byte[] block) => session.Encrypt(Mechanisms.Des3Ecb, mac, block);

        public byte[] Decrypt(byte[] block) => session.Decrypt(Mechanisms.Des3Ecb, encryption, block);

        public void Dispose()
        {
        }
    }
}
