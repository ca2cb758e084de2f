using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Ceremonies in the provider: per-component KCVs, the running XOR kept wrapped and bound, weak keys refused.</summary>
public sealed class KeyCeremonyTests
{
    private const string TestKey = "0123456789ABCDEFFEDCBA9876543210";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    [Fact]
    public void Components_added_one_by_one_make_the_key_with_each_components_kcv()
    {
        var ceremony = Guid.NewGuid();
        var first = RandomNumberGenerator.GetBytes(16);
        var second = Convert.FromHexString(TestKey).Select((b, i) => (byte)(b ^ first[i])).ToArray();

        var one = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, null, first.ToArray());
        var two = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, one.Partial, second.ToArray());
        var key = Provider.CompleteKey(Guid.NewGuid(), "cvk-ceremony", KeyUsage.Cvk, two.Partial);

        Assert.Equal((IndependentKcv(first), IndependentKcv(second)), (one.ComponentKcv, two.ComponentKcv));
        Assert.Equal((1, 2), (one.Partial.Components, two.Partial.Components));
        Assert.Equal("08D7B4", key.Kcv);
        Assert.Equal("08D7B4", Provider.CheckValue(key));
        Assert.Equal("561", Provider.Cvv(key, "4123456789012345", "8701", "101"));
        // The partial key is wrapped: neither component nor their XOR appears in it.
        foreach (var clear in new[] { first, Convert.FromHexString(TestKey) })
        {
            Assert.DoesNotContain(Convert.ToHexString(clear), Convert.ToHexString(two.Partial.Wrapped), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_published_single_des_vector_is_a_components_kcv()
    {
        var added = Provider.AddComponent(Guid.NewGuid(), KeyAlgorithm.Tdes2Key, null, Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF"));
        Assert.Equal("D5D44F", added.ComponentKcv); // DES(0123456789ABCDEF, 0) = D5D44FF720683D0D
    }

    [Fact]
    public void A_partial_key_works_only_for_its_ceremony_and_step_and_never_as_a_key()
    {
        var ceremony = Guid.NewGuid();
        var partial = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, null, RandomNumberGenerator.GetBytes(16)).Partial;
        var next = RandomNumberGenerator.GetBytes(16);

        Assert.Throws<CryptoException>(() => Provider.AddComponent(Guid.NewGuid(), KeyAlgorithm.Tdes2Key, partial with { CeremonyId = Guid.NewGuid() }, next));
        Assert.Throws<CryptoException>(() => Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial with { Components = 2 }, next));
        Assert.Throws<CryptoException>(() => Provider.CompleteKey(Guid.NewGuid(), "k", KeyUsage.Cvk, partial with { Components = 0 }));
        Assert.Throws<CryptoException>(() => Provider.CheckValue(new KeyHandle(ceremony, "k", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, "000000", partial.Wrapped)));
        var flipped = partial.Wrapped.ToArray();
        flipped[^1] ^= 1;
        Assert.Throws<CryptoException>(() => Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial with { Wrapped = flipped }, next));
    }

    [Fact]
    public void Weak_components_and_weak_results_are_refused()
    {
        var ceremony = Guid.NewGuid();
        var component = RandomNumberGenerator.GetBytes(16);
        var partial = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, null, component.ToArray()).Partial;

        Assert.Equal("A component may not be all zeros.",
            Assert.Throws<WeakKeyException>(() => Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial, new byte[16])).Message);
        var zero = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial, component.ToArray()).Partial;
        Assert.Equal("The components XOR to zero.",
            Assert.Throws<WeakKeyException>(() => Provider.CompleteKey(Guid.NewGuid(), "k", KeyUsage.Cvk, zero)).Message);
        var halves = component.Select((b, i) => (byte)(b ^ component[i % 8] ^ 0x10)).ToArray(); // XOR: equal halves, 0x10 each byte
        var equal = Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial, halves).Partial;
        Assert.Contains("halves are equal", Assert.Throws<WeakKeyException>(() => Provider.CompleteKey(Guid.NewGuid(), "k", KeyUsage.Cvk, equal)).Message);
        Assert.Throws<CryptoException>(() => Provider.AddComponent(ceremony, KeyAlgorithm.Tdes2Key, partial, RandomNumberGenerator.GetBytes(20)));
    }

    /// <summary>TDES_K(0…0) by .NET's TripleDES with A‖B‖A, independently of the provider.</summary>
    private static string IndependentKcv(byte[] key)
    {
#pragma warning disable CA5350 // TDES is what a KCV of a TDES key is.
        using var tdes = TripleDES.Create();
#pragma warning restore CA5350
        tdes.Key = [.. key, .. key[..8]];
        return Convert.ToHexString(tdes.EncryptEcb(new byte[8], PaddingMode.None), 0, 3);
    }
}
