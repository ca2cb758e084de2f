using System.Net;
using IssuerVerification.Api.Problems;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The service on the PKCS#11 provider: a token that goes away answers 503 and the service recovers when it returns (a store
/// whose keys are not in the token does not start: FaultTests, StartupFailureTests). Alone in its collection: bringing the
/// token back reloads the module.
/// </summary>
[Collection(Name)]
public sealed class CryptoProviderTests
{
    public const string Name = "token outage";
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";

    [Fact]
    public async Task A_removed_token_answers_503_and_the_service_recovers_when_it_returns()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite, TestApi.UseToken(new Dictionary<string, string?>(), TestTokens.Outage));
        await api.RangeAsync("453201", new Dictionary<string, string?> { ["cvv2"] = Cvk });
        var pan = await api.CardAsync("453201");
        var client = api.Client();
        var cvv2 = (await (await client.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync())
            .GetProperty("value").GetString()!;
        var verify = new { pan, expiry = "3012", kind = "cvv2", value = cvv2 };
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", verify));

        var folder = Directory.GetDirectories(TestTokens.Outage.TokenFolder)
            .Single(d => File.ReadAllText(Path.Combine(d, "token.object"), System.Text.Encoding.Latin1).Contains(TestTokens.Outage.Label, StringComparison.Ordinal));
        var away = Path.Combine(Path.GetDirectoryName(TestTokens.Outage.TokenFolder)!, "removed-token");
        Directory.Move(folder, away);
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var response = await client.PostJsonAsync("/v1/cvv/verify", verify);
                var problem = await response.ReadJsonAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Equal(ProblemTypes.CryptoUnavailable, problem.GetProperty("type").GetString());
                Assert.Equal("5", response.Headers.RetryAfter?.ToString());
            }
        }
        finally
        {
            Directory.Move(away, folder);
        }

        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", verify));
    }
}

[CollectionDefinition(CryptoProviderTests.Name, DisableParallelization = true)]
public sealed class CryptoProviderCollection;
