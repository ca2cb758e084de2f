using System.Security.Cryptography;
using IssuerVerification.Crypto.Algorithms;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// The BouncyCastle-based DES/TDES against .NET's own (OpenSSL) DES and TripleDES with A‖B‖A, and
/// against BouncyCastle's DesEdeEngine, on random keys and blocks.
/// </summary>
public sealed class DesDifferentialTests
{
    private const int Cases = 200;

    [Fact]
    public void Single_des_matches_dotnet_des()
    {
#pragma warning disable CA5351 // DES is the algorithm under test, not a choice.
        using var des = DES.Create();
#pragma warning restore CA5351
        foreach (var (key, block) in RandomCases())
        {
            des.Key = key[..8];
            var expected = des.EncryptEcb(block, PaddingMode.None);
            var actual = block.ToArray();
            new TdesKey(key).EncryptA(actual);
            Assert.Equal(expected, actual);

            var decrypted = expected.ToArray();
            des.Key = key[8..];
            new TdesKey(key).DecryptB(decrypted);
            Assert.Equal(des.DecryptEcb(expected, PaddingMode.None), decrypted);
        }
    }

    [Fact]
    public void Two_key_tdes_matches_dotnet_tripledes_with_aba_key()
    {
#pragma warning disable CA5350 // TDES is the algorithm under test, not a choice.
        using var tdes = TripleDES.Create();
#pragma warning restore CA5350
        foreach (var (key, block) in RandomCases())
        {
            tdes.Key = [.. key, .. key[..8]];
            var actual = block.ToArray();
            new TdesKey(key).Encrypt(actual);
            Assert.Equal(tdes.EncryptEcb(block, PaddingMode.None), actual);
        }
    }

    [Fact]
    public void Two_key_tdes_matches_bouncycastle_desede_engine()
    {
        foreach (var (key, block) in RandomCases())
        {
            var engine = new DesEdeEngine();
            engine.Init(true, new KeyParameter(key));
            var expected = new byte[8];
            engine.ProcessBlock(block, 0, expected, 0);
            var actual = block.ToArray();
            new TdesKey(key).Encrypt(actual);
            Assert.Equal(expected, actual);
        }
    }

    private static IEnumerable<(byte[] Key, byte[] Block)> RandomCases()
    {
        for (var i = 0; i < Cases; i++)
        {
            yield return (RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(8));
        }
    }
}
