using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests;

/// <summary>
/// A token that goes away and comes back. Alone in its collection, run after the others: bringing the token back reloads the
/// module, which drops every session of the process.
/// </summary>
[Collection(Name)]
public sealed class Pkcs11OutageTests
{
    public const string Name = "token outage";

    [Fact]
    public void A_removed_token_makes_operations_unavailable_until_it_returns()
    {
        using var provider = TestKeys.NewTokenProvider(TestTokens.Outage);
        var cvk = TestKeys.Import(provider, KeyUsage.Cvk, "0123456789ABCDEFFEDCBA9876543210");
        Assert.Equal("561", provider.Cvv(cvk, "4123456789012345", "8701", "101"));

        // The token's folder taken away is SoftHSM2's token removal: its objects and slot are gone for the module.
        var folder = TokenFolder(TestTokens.Outage);
        var away = Path.Combine(Path.GetDirectoryName(TestTokens.Outage.TokenFolder)!, "removed-token");
        Directory.Move(folder, away);
        try
        {
            Assert.Throws<CryptoUnavailableException>(() => provider.Cvv(cvk, "4123456789012345", "8701", "101"));
            Assert.Throws<CryptoUnavailableException>(() => provider.VerifyCvv(cvk, "4123456789012345", "8701", "101", "561"));
        }
        finally
        {
            Directory.Move(away, folder);
        }

        Assert.True(provider.VerifyCvv(cvk, "4123456789012345", "8701", "101", "561"));
        Assert.Equal("561", provider.Cvv(cvk, "4123456789012345", "8701", "101"));
    }

    private static string TokenFolder(TestToken token) => Directory.GetDirectories(token.TokenFolder)
        .Single(d => File.ReadAllText(Path.Combine(d, "token.object"), System.Text.Encoding.Latin1).Contains(token.Label, StringComparison.Ordinal));
}

[CollectionDefinition(Pkcs11OutageTests.Name, DisableParallelization = true)]
public sealed class Pkcs11OutageCollection;
