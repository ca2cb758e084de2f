using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using IBlockCipher = Org.BouncyCastle.Crypto.IBlockCipher;

namespace IssuerVerification.Crypto.Algorithms;

/// <summary>
/// TR-31 (ANSI X9.143) key blocks: header ‖ hex(encrypted key data) ‖ hex(MAC), the key data being key length in bits (2
/// bytes) ‖ key ‖ random padding. B (TDES KBPK) and D (AES KBPK): CMAC over header ‖ clear key data, CBC encryption with
/// the MAC as IV. A and C (TDES KBPK, legacy, read only): CBC encryption with the header's first 8 bytes as IV, a 4-byte
/// TDES CBC-MAC over header ‖ encrypted key data. See docs/key-management.md, "Key exchange".
/// </summary>
internal static class Tr31KeyBlock
{
    /// <summary>The clear key inside <paramref name="block"/> (the caller zeroes it), once the MAC verifies under <paramref name="kbpk"/>.</summary>
    public static byte[] Unwrap(KeyBlockHeader header, string block, byte[] kbpk, KeyAlgorithm kbpkAlgorithm) =>
        Unwrap(header, block, version => Tr31Keys.Derive(version, kbpk), () => new Tr31Variants(kbpk), kbpkAlgorithm);

    /// <summary>
    /// As above, the block's keys derived by <paramref name="derive"/> (versions B and D) or given as block operations by
    /// <paramref name="variants"/> (A and C): in a token, from a KBPK that never leaves it.
    /// </summary>
    public static byte[] Unwrap(KeyBlockHeader header, string block, Func<char, Tr31Keys> derive, Func<ILegacyBlockKeys> variants, KeyAlgorithm kbpkAlgorithm)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(derive);
        ArgumentNullException.ThrowIfNull(variants);
        var (blockSize, macLength) = Sizes(header.Version);
        RequireKbpk(header.Version, kbpkAlgorithm);
        var body = block.AsSpan(header.Length);
        if (body.Length <= macLength * 2 || (body.Length - macLength * 2) % (blockSize * 2) != 0)
        {
            throw new CryptoException($"The key block's encrypted key data is not a whole number of {blockSize}-byte blocks.");
        }

        var encrypted = Hex(body[..^(macLength * 2)]);
        var mac = Hex(body[^(macLength * 2)..]);
        var headerBytes = Encoding.ASCII.GetBytes(block[..header.Length]);
        byte[] clear;
        if (header.IsLegacy)
        {
            using var legacy = variants();
            RequireMac(mac, CbcMac(legacy, headerBytes, encrypted, macLength));
            clear = CbcDecrypt(legacy, headerBytes[..8], encrypted);
        }
        else
        {
            using var keys = derive(header.Version);
            clear = Cbc(header.Version, false, keys.Encryption, mac, encrypted);
            RequireMac(mac, Cmac(header.Version, keys.Authentication, headerBytes, clear), clear);
        }
        return KeyOf(clear);
    }

    /// <summary>A version B (TDES <paramref name="kbpk"/>) or D (AES) key block holding <paramref name="key"/>.</summary>
    public static string Wrap(KeyBlockHeader header, byte[] key, byte[] kbpk, KeyAlgorithm kbpkAlgorithm) =>
        Wrap(header, key, version => Tr31Keys.Derive(version, kbpk), kbpkAlgorithm);

    /// <summary>As above, the block's keys derived by <paramref name="derive"/>.</summary>
    public static string Wrap(KeyBlockHeader header, byte[] key, Func<char, Tr31Keys> derive, KeyAlgorithm kbpkAlgorithm)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(derive);
        if (header.Version is not ('B' or 'D'))
        {
            throw new CryptoException("Key blocks are written in version B or D only.");
        }
        var (blockSize, macLength) = Sizes(header.Version);
        RequireKbpk(header.Version, kbpkAlgorithm);
        var clear = new byte[2 + key.Length + (blockSize - (2 + key.Length) % blockSize)];
        try
        {
            BinaryPrimitives.WriteUInt16BigEndian(clear, (ushort)(key.Length * 8));
            key.CopyTo(clear, 2);
            RandomNumberGenerator.Fill(clear.AsSpan(2 + key.Length));
            var text = header.Text(header.Length + clear.Length * 2 + macLength * 2);
            using var keys = derive(header.Version);
            var mac = Cmac(header.Version, keys.Authentication, Encoding.ASCII.GetBytes(text), clear);
            return text + Convert.ToHexString(Cbc(header.Version, true, keys.Encryption, mac, clear)) + Convert.ToHexString(mac);
        }
        finally
        {
            Array.Clear(clear);
        }
    }

    private static (int BlockSize, int MacLength) Sizes(char version) => version switch
    {
        'A' or 'C' => (8, 4),
        'B' => (8, 8),
        'D' => (16, 16),
        _ => throw new CryptoException($"Key block version {version} is not supported: A, B, C or D."),
    };

    private static void RequireKbpk(char version, KeyAlgorithm kbpk)
    {
        var aes = kbpk == KeyAlgorithm.Aes256;
        if (aes != (version == 'D') || kbpk is not (KeyAlgorithm.Aes256 or KeyAlgorithm.Tdes2Key or KeyAlgorithm.Tdes3Key))
        {
            throw new CryptoException(version == 'D'
                ? "A version D key block is protected by an AES key; this KEK is TDES."
                : $"A version {version} key block is protected by a TDES key; this KEK is AES.");
        }
    }

    private static byte[] Hex(ReadOnlySpan<char> hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new CryptoException("The key block's key data and MAC must be hex.");
        }
    }

    private static void RequireMac(byte[] received, byte[] computed, byte[]? clear = null)
    {
        if (!CryptographicOperations.FixedTimeEquals(received, computed))
        {
            if (clear is not null)
            {
                Array.Clear(clear);
            }
            throw new CryptoException("The key block's MAC does not verify: it was altered, or it is not protected by this KEK.");
        }
    }

    /// <summary>The key of the clear key data: its length in bits (a whole number of bytes within the data), then the key.</summary>
    private static byte[] KeyOf(byte[] clear)
    {
        try
        {
            var bits = BinaryPrimitives.ReadUInt16BigEndian(clear);
            if (bits == 0 || bits % 8 != 0 || 2 + bits / 8 > clear.Length)
            {
                throw new CryptoException("The key block's key length does not fit its key data.");
            }
            return clear[2..(2 + bits / 8)];
        }
        finally
        {
            Array.Clear(clear);
        }
    }

    private static IBlockCipher Engine(char version) => version == 'D' ? new AesEngine() : new DesEdeEngine();

    private static byte[] Cbc(char version, bool encrypt, byte[] key, byte[] iv, byte[] data)
    {
        var cipher = new CbcBlockCipher(Engine(version));
        cipher.Init(encrypt, new ParametersWithIV(new KeyParameter(key), iv, 0, cipher.GetBlockSize()));
        var output = new byte[data.Length];
        for (var i = 0; i < data.Length; i += cipher.GetBlockSize())
        {
            cipher.ProcessBlock(data, i, output, i);
        }
        return output;
    }

    private static byte[] Cmac(char version, byte[] key, byte[] header, byte[] data)
    {
        var cmac = new CMac(Engine(version));
        cmac.Init(new KeyParameter(key));
        cmac.BlockUpdate(header, 0, header.Length);
        cmac.BlockUpdate(data, 0, data.Length);
        var mac = new byte[cmac.GetMacSize()];
        cmac.DoFinal(mac, 0);
        return mac;
    }

    /// <summary>TDES CBC-MAC (ISO 9797-1 algorithm 1, zero padding) of header ‖ data, one block operation a step.</summary>
    private static byte[] CbcMac(ILegacyBlockKeys keys, byte[] header, byte[] data, int length)
    {
        var input = new byte[(header.Length + data.Length + 7) / 8 * 8];
        header.CopyTo(input, 0);
        data.CopyTo(input, header.Length);
        var chain = new byte[8];
        for (var i = 0; i < input.Length; i += 8)
        {
            for (var j = 0; j < 8; j++)
            {
                chain[j] ^= input[i + j];
            }
            chain = keys.MacStep(chain);
        }
        return chain[..length];
    }

    /// <summary>TDES-CBC decryption, one block operation a step.</summary>
    private static byte[] CbcDecrypt(ILegacyBlockKeys keys, byte[] iv, byte[] data)
    {
        var clear = new byte[data.Length];
        var previous = iv;
        for (var i = 0; i < data.Length; i += 8)
        {
            var block = keys.Decrypt(data[i..(i + 8)]);
            for (var j = 0; j < 8; j++)
            {
                clear[i + j] = (byte)(block[j] ^ previous[j]);
            }
            Array.Clear(block);
            previous = data[i..(i + 8)];
        }
        return clear;
    }
}
