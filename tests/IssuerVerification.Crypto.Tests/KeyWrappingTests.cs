using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Wrapped keys: tampering and swapped metadata are refused; master-key rotation keeps the key.</summary>
public sealed class KeyWrappingTests
{
    private const string TestKey = "0123456789ABCDEFFEDCBA9876543210";

    [Fact]
    public void A_flipped_byte_anywhere_is_refused()
    {
        var provider = TestKeys.NewProvider();
        var key = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString(TestKey));
        Assert.Equal("08D7B4", provider.CheckValue(key));
        for (var i = 0; i < key.Wrapped.Length; i++)
        {
            var tampered = key with { Wrapped = Flip(key.Wrapped, i) };
            Assert.Throws<CryptoException>(() => provider.CheckValue(tampered));
            Assert.Throws<CryptoException>(() => provider.VerifyCvv(tampered, "4123456789012345", "8701", "101", "561"));
        }

        Assert.Equal("08D7B4", provider.CheckValue(key));
    }

    [Fact]
    public void Wrapped_bytes_under_another_id_or_usage_are_refused()
    {
        var provider = TestKeys.NewProvider();
        var key = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString(TestKey));
        Assert.True(provider.VerifyCvv(key, "4123456789012345", "8701", "101", "561"));

        var otherId = key with { Id = Guid.NewGuid() };
        var error = Assert.Throws<CryptoException>(() => provider.CheckValue(otherId));
        Assert.Contains("key wrapping check failed", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<CryptoException>(() => provider.Dcvv2(key with { Usage = KeyUsage.Dcvv2 }, "4123456789012345", 1));
        Assert.Throws<CryptoException>(() => provider.CheckValue(key with { Usage = KeyUsage.Cavv }));
        Assert.Throws<CryptoException>(() => provider.CheckValue(key with { Usage = KeyUsage.ImkCvc3 }));
        Assert.Throws<CryptoException>(() => provider.CheckValue(key with { Algorithm = KeyAlgorithm.HmacSha1 }));
    }

    [Fact]
    public void Wrapped_bytes_under_another_alias_or_kcv_are_refused_even_after_use()
    {
        var provider = TestKeys.NewProvider();
        var key = TestKeys.Import(provider, KeyUsage.Cvk, Convert.FromHexString(TestKey));
        var other = TestKeys.Import(provider, KeyUsage.Cvk, RandomNumberGenerator.GetBytes(16));
        Assert.Equal("561", provider.Cvv(key, "4123456789012345", "8701", "101"));

        Assert.Contains("alias", Assert.Throws<CryptoException>(() => provider.Cvv(key with { Alias = "cvk-other" }, "4123456789012345", "8701", "101")).Message);
        Assert.Throws<CryptoException>(() => provider.Cvv(key with { Kcv = other.Kcv }, "4123456789012345", "8701", "101"));
        // The rows of two keys with their wrapped material swapped.
        Assert.Throws<CryptoException>(() => provider.Cvv(key with { Wrapped = other.Wrapped }, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => provider.Cvv(other with { Wrapped = key.Wrapped }, "4123456789012345", "8701", "101"));
        Assert.Equal("561", provider.Cvv(key, "4123456789012345", "8701", "101"));
    }

    [Fact]
    public void A_key_in_the_legacy_format_still_works_has_its_kcv_checked_and_is_upgraded_by_a_rewrap()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var provider = new SoftwareCryptoProvider(master);
        var legacy = LegacyWrap(master, new KeyHandle(Guid.NewGuid(), "cvk-legacy", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, "08D7B4", []), Convert.FromHexString(TestKey));

        Assert.False(provider.HasCurrentFormat(legacy));
        Assert.False(provider.IsCurrent(legacy));
        Assert.Equal("561", provider.Cvv(legacy, "4123456789012345", "8701", "101"));
        Assert.Contains("check value mismatch", Assert.Throws<CryptoException>(() => provider.CheckValue(legacy with { Kcv = "D5D44F" })).Message);

        var upgraded = provider.Rewrap(legacy);
        Assert.True(provider.IsCurrent(upgraded));
        Assert.Equal(2, upgraded.Wrapped[0]);
        Assert.Equal("561", provider.Cvv(upgraded, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => provider.CheckValue(upgraded with { Alias = "cvk-other" }));
        // Upgrading needs the right KCV: a legacy row whose KCV was changed is not re-wrapped under it.
        Assert.Throws<CryptoException>(() => provider.Rewrap(legacy with { Kcv = "D5D44F" }));
    }

    [Fact]
    public void Another_master_key_cannot_unwrap()
    {
        var key = TestKeys.Import(TestKeys.NewProvider(), KeyUsage.Cvk, Convert.FromHexString(TestKey));
        Assert.Throws<CryptoException>(() => TestKeys.NewProvider().CheckValue(key));
    }

    [Fact]
    public void Rotation_rewraps_under_the_new_master_key_and_keeps_the_key()
    {
        var (oldMaster, newMaster) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var before = new SoftwareCryptoProvider(oldMaster);
        var original = TestKeys.Import(before, KeyUsage.Cvk, Convert.FromHexString(TestKey));
        var generated = before.GenerateKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1);
        var generatedKcv = before.CheckValue(generated);

        var during = new SoftwareCryptoProvider(newMaster, [oldMaster]);
        Assert.False(during.IsCurrent(original));
        Assert.Equal("08D7B4", during.CheckValue(original));
        var rewrapped = during.Rewrap(original);
        var rewrappedGenerated = during.Rewrap(generated);
        Assert.True(during.IsCurrent(rewrapped));
        Assert.Equal((original.Id, original.Usage, original.Algorithm), (rewrapped.Id, rewrapped.Usage, rewrapped.Algorithm));
        Assert.Equal("08D7B4", during.CheckValue(rewrapped));

        var after = new SoftwareCryptoProvider(newMaster);
        Assert.Equal("08D7B4", after.CheckValue(rewrapped));
        Assert.Equal(generatedKcv, after.CheckValue(rewrappedGenerated));
        Assert.Equal("561", after.Cvv(rewrapped, "4123456789012345", "8701", "101"));
        Assert.Throws<CryptoException>(() => after.CheckValue(original));
        Assert.Throws<CryptoException>(() => after.Rewrap(original));
        Assert.False(after.IsCurrent(original));
    }

    [Fact]
    public void A_signing_key_keeps_its_kid_through_rotation()
    {
        var (oldMaster, newMaster) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var before = new SoftwareCryptoProvider(oldMaster);
        var key = before.GenerateKey(Guid.NewGuid(), "test-key", KeyUsage.ResultSigning, KeyAlgorithm.EcP256);
        var rewrapped = new SoftwareCryptoProvider(newMaster, [oldMaster]).Rewrap(key);
        Assert.Equal(before.PublicJwk(key)["kid"], new SoftwareCryptoProvider(newMaster).PublicJwk(rewrapped)["kid"]);
        Assert.Equal(before.CheckValue(key), new SoftwareCryptoProvider(newMaster).CheckValue(rewrapped));
    }

    private static KeyHandle LegacyWrap(byte[] master, KeyHandle metadata, byte[] material) =>
        metadata with { Wrapped = LegacyKeyWrap.Wrap(master, metadata.Id, metadata.Usage.ToString(), metadata.Algorithm.ToString(), material) };

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }
}
