using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Import from clear components: lengths, XOR, key check values; no key bytes in messages.</summary>
public sealed class KeyImportTests
{
    private const string TestKey = "0123456789ABCDEFFEDCBA9876543210";
    private static readonly SoftwareCryptoProvider Provider = TestKeys.Provider;

    [Fact]
    public void Kcv_of_the_well_known_test_key_is_08D7B4()
    {
        Assert.Equal("08D7B4", Provider.CheckValue(TestKeys.Import(KeyUsage.Cvk, TestKey)));

        // The same value by .NET's TripleDES with A‖B‖A, independently of the provider.
#pragma warning disable CA5350 // TDES is what a KCV of a TDES key is.
        using var tdes = TripleDES.Create();
#pragma warning restore CA5350
        tdes.Key = Convert.FromHexString(TestKey + TestKey[..16]);
        Assert.Equal("08D7B4", Convert.ToHexString(tdes.EncryptEcb(new byte[8], PaddingMode.None), 0, 3));
    }

    [Fact]
    public void Components_are_xored()
    {
        var key = Convert.FromHexString(TestKey);
        var first = RandomNumberGenerator.GetBytes(16);
        var second = RandomNumberGenerator.GetBytes(16);
        var third = key.Select((b, i) => (byte)(b ^ first[i] ^ second[i])).ToArray();
        var handle = Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, [first, second, third]);
        Assert.Equal("08D7B4", Provider.CheckValue(handle));
        Assert.Equal("561", Provider.Cvv(handle, "4123456789012345", "8701", "101"));
    }

    [Fact]
    public void Hmac_components_may_be_16_to_64_bytes_of_one_length()
    {
        Assert.NotNull(Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1, [Bytes(16), Bytes(16)]));
        Assert.NotNull(Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1, [Bytes(64)]));
        Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1, [Bytes(15)]));
        Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1, [Bytes(65)]));
        Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Aav, KeyAlgorithm.HmacSha1, [Bytes(16), Bytes(20)]));
    }

    public static TheoryData<byte[][]> BadTdesComponents => new()
    {
        Array.Empty<byte[]>(),
        new[] { Bytes(15) },
        new[] { Bytes(24) },
        new[] { Bytes(16), Bytes(8) },
        new[] { Bytes(16), Bytes(16), Bytes(16), Bytes(16) },
        new[] { Bytes(16), null! },
        new[] { Convert.FromHexString(TestKey), Convert.FromHexString(TestKey) },
    };

    [Theory]
    [MemberData(nameof(BadTdesComponents))]
    public void Wrong_components_are_refused_without_key_bytes_in_the_message(byte[][] components)
    {
        var error = Assert.Throws<CryptoException>(() => Provider.ImportKey(Guid.NewGuid(), "test-key", KeyUsage.Cvk, KeyAlgorithm.Tdes2Key, components));
        foreach (var component in components.Where(c => c is not null))
        {
            Assert.DoesNotContain(Convert.ToHexString(component), error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Master_key_must_be_32_bytes_and_is_not_echoed()
    {
        var shortKey = Bytes(31);
        var error = Assert.Throws<ArgumentException>(() => new SoftwareCryptoProvider(shortKey));
        Assert.DoesNotContain(Convert.ToHexString(shortKey), error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(shortKey), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SoftwareCryptoProvider(Bytes(32), [Bytes(16)]));
    }

    [Fact]
    public void Input_errors_name_the_field_not_the_value()
    {
        var cvk = TestKeys.Import(KeyUsage.Cvk, TestKey);
        var error = Assert.Throws<CryptoException>(() => Provider.Cvv(cvk, "41234567890123X5", "8701", "101"));
        Assert.DoesNotContain("41234567890123", error.Message, StringComparison.Ordinal);
        Assert.Contains("PAN", error.Message, StringComparison.Ordinal);
        Assert.Throws<CryptoException>(() => Provider.Cvv(cvk, "4123456789012345", "871", "101"));
        Assert.Throws<CryptoException>(() => Provider.Cvv(cvk, "4123456789012345", "8701", "1011"));
        Assert.Throws<CryptoException>(() => Provider.Cvv(cvk, "41234567890123456789", "8701", "101"));
    }

    private static byte[] Bytes(int length) => RandomNumberGenerator.GetBytes(length);
}
