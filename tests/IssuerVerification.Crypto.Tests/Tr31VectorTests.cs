using IssuerVerification.Crypto.Algorithms;
using IssuerVerification.Crypto.Tests.Vectors;
using IssuerVerification.Domain.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// The TR-31 algorithm on published key blocks (TR-31:2018 Annex A, HSM-generated blocks, third-party known values):
/// each unwraps to its published key (and KCV), and each altered or wrongly protected copy is refused.
/// </summary>
public sealed class Tr31VectorTests
{
    public static TheoryData<Tr31Vector> Vectors => Tr31Vector.Where(_ => true);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Each_block_unwraps_to_its_published_key(Tr31Vector vector)
    {
        var header = KeyBlockHeader.Parse(vector.KeyBlock);
        var key = Tr31KeyBlock.Unwrap(header, vector.KeyBlock, Convert.FromHexString(vector.Kbpk), Algorithm(vector.Kbpk.Length / 2));

        Assert.Equal(vector.Key, Convert.ToHexString(key));
        Assert.Equal(vector.KeyBlock[0] is 'A' or 'C', header.IsLegacy);
        if (vector.Kcv is not null)
        {
            Assert.Equal(vector.Kcv, TdesKcv(key));
        }
        if (vector.KcvAesCmac is not null)
        {
            var cmac = new CMac(new AesEngine());
            cmac.Init(new KeyParameter(key));
            cmac.BlockUpdate(new byte[16], 0, 16);
            var mac = new byte[16];
            cmac.DoFinal(mac, 0);
            Assert.Equal(vector.KcvAesCmac, Convert.ToHexString(mac, 0, 3));
        }
        Assert.Contains(vector.Source.Split(' ')[0], new[] { "Generated", "TR-31:2018", "Known" });
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void An_altered_block_or_another_kbpk_is_refused(Tr31Vector vector)
    {
        var kbpk = Convert.FromHexString(vector.Kbpk);
        var header = KeyBlockHeader.Parse(vector.KeyBlock);
        var block = vector.KeyBlock;
        var lastDigit = block[^1] == '0' ? '1' : '0';
        var alteredMac = block[..^1] + lastDigit;
        var alteredData = block[..header.Length] + (block[header.Length] == '0' ? '1' : '0') + block[(header.Length + 1)..];
        var alteredHeader = block[..9] + (block[9] == '0' ? '1' : '0') + block[10..];
        var otherKbpk = kbpk.Select(b => (byte)(b ^ 0x02)).ToArray();

        foreach (var (altered, key) in new[] { (alteredMac, kbpk), (alteredData, kbpk), (alteredHeader, kbpk), (block, otherKbpk) })
        {
            var error = Assert.Throws<CryptoException>(() => Tr31KeyBlock.Unwrap(KeyBlockHeader.Parse(altered), altered, key, Algorithm(key.Length)));
            Assert.Contains("MAC does not verify", error.Message);
        }
    }

    [Theory]
    [InlineData('B', 16, "0123456789ABCDEFFEDCBA9876543210")]
    [InlineData('B', 24, "0123456789ABCDEFFEDCBA9876543210")]
    [InlineData('B', 24, "0123456789ABCDEFFEDCBA98765432100011223344556677")]
    [InlineData('D', 32, "0123456789ABCDEFFEDCBA9876543210")]
    [InlineData('D', 32, "0123456789ABCDEFFEDCBA98765432100011223344556677")]
    [InlineData('D', 32, "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    public void Wrap_then_unwrap_gives_the_key_back(char version, int kbpkLength, string key)
    {
        var kbpk = System.Security.Cryptography.RandomNumberGenerator.GetBytes(kbpkLength);
        var header = KeyBlockHeader.Of(version, new KeyBlockUsage("K0", 'B'), key.Length == 64 ? 'A' : 'T');

        var block = Tr31KeyBlock.Wrap(header, Convert.FromHexString(key), kbpk, Algorithm(kbpkLength));

        Assert.Equal(version, block[0]);
        Assert.Equal(block.Length, int.Parse(block[1..5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, block.Length % (version == 'D' ? 16 : 8));
        Assert.Equal(key, Convert.ToHexString(Tr31KeyBlock.Unwrap(KeyBlockHeader.Parse(block), block, kbpk, Algorithm(kbpkLength))));
    }

    [Theory]
    [InlineData("B0080K0TN00N0000", "not its length")]
    [InlineData("B00X0K0TN00N00001C414014375212C24995E405B5EE052CB92B67F455EA2680F6751088F9F1C228", "length field")]
    [InlineData("B0024K0TN00N0100KS0X0000", "Optional block KS")]
    [InlineData("B0024K0TN00N0100KS400000", "Optional block KS")]
    [InlineData("B00", "16-character header")]
    public void A_malformed_header_is_refused(string block, string reason) =>
        Assert.Contains(reason, Assert.Throws<CryptoException>(() => KeyBlockHeader.Parse(block)).Message);

    [Fact]
    public void Versions_and_kbpk_kinds_must_match()
    {
        var thalesB = Tr31Vector.All.Single(v => v.Id == "thales-k0-b");
        var aesD = Tr31Vector.All.Single(v => v.Id == "tr31-2018-a.7.4");
        Assert.Contains("TDES key", Assert.Throws<CryptoException>(() =>
            Tr31KeyBlock.Unwrap(KeyBlockHeader.Parse(thalesB.KeyBlock), thalesB.KeyBlock, new byte[32], KeyAlgorithm.Aes256)).Message);
        Assert.Contains("AES key", Assert.Throws<CryptoException>(() =>
            Tr31KeyBlock.Unwrap(KeyBlockHeader.Parse(aesD.KeyBlock), aesD.KeyBlock, new byte[16], KeyAlgorithm.Tdes2Key)).Message);
        Assert.Throws<CryptoException>(() => Tr31KeyBlock.Wrap(KeyBlockHeader.Of('A', new KeyBlockUsage("K0", 'B'), 'T'), new byte[16], new byte[16], KeyAlgorithm.Tdes2Key));
    }

    /// <summary>The published KBPKs: 16 and 24 bytes are TDES, 32 bytes AES-256.</summary>
    private static KeyAlgorithm Algorithm(int length) => length switch { 16 => KeyAlgorithm.Tdes2Key, 24 => KeyAlgorithm.Tdes3Key, _ => KeyAlgorithm.Aes256 };

    private static string TdesKcv(byte[] key)
    {
        var engine = new DesEdeEngine();
        engine.Init(true, new KeyParameter(key));
        var block = new byte[8];
        engine.ProcessBlock(block, 0, block, 0);
        return Convert.ToHexString(block, 0, 3);
    }
}
