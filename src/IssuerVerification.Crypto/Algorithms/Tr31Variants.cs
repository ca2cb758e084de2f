using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// The two keys of a legacy (version A or C) TR-31 key block, the KBPK's variants KBPK ⊕ 45…45 (encryption) and KBPK ⊕
/// 4D…4D (MAC), as the TDES block operations the block needs: in process here, or token objects in the PKCS#11 provider.
/// </summary>
internal interface ILegacyBlockKeys : IDisposable
{
    /// <summary>TDES-ECB encryption of one 8-byte block under the MAC variant (a CBC-MAC step).</summary>
    byte[] MacStep(byte[] block);

    /// <summary>TDES-ECB decryption of one 8-byte block under the encryption variant.</summary>
    byte[] Decrypt(byte[] block);
}

/// <summary>The variants computed from a clear KBPK (the software provider); zeroed on dispose.</summary>
internal sealed class Tr31Variants(byte[] kbpk) : ILegacyBlockKeys
{
    public const byte EncryptionMask = 0x45;
    public const byte MacMask = 0x4D;
    private readonly byte[] _encryption = Of(kbpk, EncryptionMask);
    private readonly byte[] _mac = Of(kbpk, MacMask);

    public static byte[] Of(byte[] kbpk, byte mask) => [.. kbpk.Select(b => (byte)(b ^ mask))];

    public byte[] MacStep(byte[] block) => Ecb(true, _mac, block);

    public byte[] Decrypt(byte[] block) => Ecb(false, _encryption, block);

    private static byte[] Ecb(bool encrypt, byte[] key, byte[] block)
    {
        var engine = new DesEdeEngine();
        engine.Init(encrypt, new KeyParameter(key));
        var output = new byte[8];
        engine.ProcessBlock(block, 0, output, 0);
        return output;
    }

    public void Dispose()
    {
        Array.Clear(_encryption);
        Array.Clear(_mac);
    }
}
