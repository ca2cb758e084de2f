using System.Security.Cryptography;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>Providers and keys for tests: a random master key, keys imported as one clear component.</summary>
internal static class TestKeys
{
    public static SoftwareCryptoProvider Provider { get; } = NewProvider();

    public static SoftwareCryptoProvider NewProvider() => new(RandomNumberGenerator.GetBytes(32));

    public static KeyHandle Import(KeyUsage usage, string hex) => Import(Provider, usage, Convert.FromHexString(hex));

    public static KeyHandle Import(KeyUsage usage, byte[] key) => Import(Provider, usage, key);

    public static KeyHandle Import(SoftwareCryptoProvider provider, KeyUsage usage, byte[] key) =>
        provider.ImportKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage), [key]);
}
