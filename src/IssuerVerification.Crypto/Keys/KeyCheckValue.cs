using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Signing;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Keys;

/// <summary>
/// Key check values, 3 bytes as 6 upper-case hex characters. TDES: TDES_K(0…0) (X9.24). AES:
/// AES-CMAC_K(16 zero bytes) (X9.24-1:2017, as AWS Payment Cryptography). HMAC keys: HMAC with the
/// key's own hash over 8 zero bytes. EC: SHA-256 of the uncompressed public point.
/// </summary>
internal static class KeyCheckValue
{
    private const int Bytes = 3;

    /// <summary>The check value of a key kept ready for use (its engines already initialised).</summary>
    public static string Compute(UnwrappedKey key) => key.Algorithm switch
    {
        KeyAlgorithm.Tdes2Key => Tdes(key.Tdes, Bytes),
        KeyAlgorithm.EcP256 => key.Signing.CheckValue(),
        _ => Of(key.Algorithm, key.Material),
    };

    /// <summary>The check value of clear material: a key about to be wrapped, or one custodian's component.</summary>
    public static string Of(KeyAlgorithm algorithm, byte[] material) => algorithm switch
    {
        KeyAlgorithm.Tdes2Key => Tdes(new TdesKey(material), Bytes),
        KeyAlgorithm.Tdes3Key => Tdes3(material),
        KeyAlgorithm.HmacSha1 => HmacSha1(material),
        KeyAlgorithm.HmacSha256 => Convert.ToHexString(HMACSHA256.HashData(material, new byte[8]), 0, Bytes),
        KeyAlgorithm.Aes256 => AesCmac(material),
        KeyAlgorithm.EcP256 => new EcSigningKey(material).CheckValue(),
        _ => throw new CryptoException("Unknown key algorithm."),
    };

    /// <summary>The first <paramref name="bytes"/> bytes of TDES_K(0…0).</summary>
    public static string Tdes(ITdesKey key, int bytes)
    {
        var block = new byte[8];
        key.Encrypt(block);
        return Convert.ToHexString(block, 0, bytes);
    }

    private static string Tdes3(byte[] key)
    {
        var engine = new DesEdeEngine();
        engine.Init(true, new KeyParameter(key));
        var block = new byte[8];
        engine.ProcessBlock(block, 0, block, 0);
        return Convert.ToHexString(block, 0, Bytes);
    }

    private static string HmacSha1(byte[] key)
    {
        var hmac = new HMac(new Sha1Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(new byte[8], 0, 8);
        var mac = new byte[20];
        hmac.DoFinal(mac, 0);
        return Convert.ToHexString(mac, 0, Bytes);
    }

    private static string AesCmac(byte[] key)
    {
        var cmac = new CMac(new AesEngine());
        cmac.Init(new KeyParameter(key));
        cmac.BlockUpdate(new byte[16], 0, 16);
        var mac = new byte[16];
        cmac.DoFinal(mac, 0);
        return Convert.ToHexString(mac, 0, Bytes);
    }
}
