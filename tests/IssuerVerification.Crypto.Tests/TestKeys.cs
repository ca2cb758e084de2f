using System.Security.Cryptography;
using IssuerVerification.Crypto.Pkcs11;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// Providers and keys for tests: the software provider with a random master key, the PKCS#11 provider on the shared
/// SoftHSM2 test token (<see cref="TestTokens"/>), and keys imported as one clear component.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<Pkcs11CryptoProvider> Token = new(() => NewTokenProvider(TestTokens.Shared));

    public static SoftwareCryptoProvider Provider { get; } = NewProvider();

    public static SoftwareCryptoProvider NewProvider() => new(RandomNumberGenerator.GetBytes(32));

    public static Pkcs11CryptoProvider TokenProvider => Token.Value;

    public static Pkcs11CryptoProvider NewTokenProvider(TestToken token, int maxSessions = 16) =>
        new(new Pkcs11Settings(token.ModulePath, token.Label, null, token.Pin, maxSessions));

    /// <summary>The provider a test theory names (<see cref="TestTokens.Providers"/>).</summary>
    public static ICryptoProvider For(string provider) => provider switch
    {
        TestTokens.Software => Provider,
        TestTokens.Pkcs11 => TokenProvider,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static KeyHandle Import(KeyUsage usage, string hex) => Import(Provider, usage, Convert.FromHexString(hex));

    public static KeyHandle Import(KeyUsage usage, byte[] key) => Import(Provider, usage, key);

    public static KeyHandle Import(ICryptoProvider provider, KeyUsage usage, string hex) => Import(provider, usage, Convert.FromHexString(hex));

    public static KeyHandle Import(ICryptoProvider provider, KeyUsage usage, byte[] key) =>
        provider.ImportKey(Guid.NewGuid(), "test-key", usage, KeyUsages.AlgorithmOf(usage), [key]);
}
