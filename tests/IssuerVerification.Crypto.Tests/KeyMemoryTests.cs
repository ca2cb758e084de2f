using System.Security.Cryptography;
using IssuerVerification.Crypto.Keys;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Clear keys live in pinned arrays (never copied by the garbage collector) and are zeroed when dropped.</summary>
public sealed class KeyMemoryTests
{
    /// <summary>Pinned arrays live on the pinned object heap, which the runtime reports as generation 2; a fresh array is in 0.</summary>
    private static bool IsPinned(byte[] array) => GC.GetGeneration(array) == GC.MaxGeneration && GC.GetGeneration(new byte[array.Length]) == 0;

    [Fact]
    public void An_unwrapped_key_is_pinned_its_source_zeroed_and_dispose_zeroes_it()
    {
        var provider = TestKeys.NewProvider();
        var handle = TestKeys.Import(provider, KeyUsage.Cvk, RandomNumberGenerator.GetBytes(16));
        var source = RandomNumberGenerator.GetBytes(16);
        var clear = source.ToArray();
        var key = new UnwrappedKey(handle, source);
        Assert.Equal(clear, key.Material);
        Assert.True(IsPinned(key.Material));
        Assert.All(source, b => Assert.Equal(0, b));
        key.Dispose();
        Assert.All(key.Material, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_master_key_is_pinned_and_dispose_zeroes_it()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var masterKey = new MasterKey(bytes, "key");
        Assert.Equal(bytes, masterKey.Key);
        Assert.True(IsPinned(masterKey.Key));
        masterKey.Dispose();
        Assert.All(masterKey.Key, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_rewrapped_key_shares_the_one_clear_copy_and_a_disposed_provider_holds_no_key()
    {
        var provider = TestKeys.NewProvider();
        var handle = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
        var rewrapped = provider.Rewrap(handle);
        Assert.NotEqual(handle.Wrapped, rewrapped.Wrapped);
        var value = provider.Cvv(handle, "4123456789012345", "8701", "101");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(value, provider.Cvv(rewrapped, "4123456789012345", "8701", "101"));
            Assert.Equal(value, provider.Cvv(handle, "4123456789012345", "8701", "101"));
        }

        provider.Dispose();
        Assert.Throws<ObjectDisposedException>(() => provider.CheckValue(handle));
    }
}
