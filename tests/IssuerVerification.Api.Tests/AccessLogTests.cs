using System.Net;
using IssuerVerification.Api.Logging;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>One access log line per request, with the status actually sent, also when the response became a problem.</summary>
public sealed class AccessLogTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Logged_status_is_the_status_sent(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();

        var clientBody = new { name = "twice", scopes = new[] { "card:verify" } };
        await (await client.PostJsonAsync("/v1/admin/clients", clientBody)).ReadJsonAsync(HttpStatusCode.Created);
        await AssertLoggedAsync(api, "/v1/admin/clients", await client.PostJsonAsync("/v1/admin/clients", clientBody), HttpStatusCode.Conflict);

        var noRange = new { pan = TestPans.Random("411111"), expiry = "3012", kind = "cvv2" };
        await AssertLoggedAsync(api, "/v1/cvv/generate", await client.PostJsonAsync("/v1/cvv/generate", noRange), HttpStatusCode.UnprocessableEntity);

        await using (await StoreOutage.BeginAsync(api))
        {
            await AssertLoggedAsync(api, "/v1/admin/keys", await client.GetAsync("/v1/admin/keys"), HttpStatusCode.ServiceUnavailable);
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_500_is_logged_as_500(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        try
        {
            // Tampered wrapped material is the software provider's case (the PKCS#11 provider's start-up check refuses the store).
            var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString, ["Crypto:Provider"] = "Software" };
            await using (var first = await TestApi.StartAsync(store, settings))
            {
                // A key whose wrapped material no longer authenticates: after a restart, using it throws.
                await first.RangeAsync("539269", new Dictionary<string, string?> { ["cvv2"] = null });
                await using var db = await first.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
                var key = await db.Keys.SingleAsync(k => k.Alias.StartsWith("cvv2-539269"));
                key.Wrapped = [.. key.Wrapped[..^1], (byte)(key.Wrapped[^1] ^ 1)];
                await db.SaveChangesAsync();
            }
            await using var api = await TestApi.StartAsync(store, settings);
            var cvv2 = new { pan = await api.CardAsync("539269"), expiry = "3012", kind = "cvv2" };
            await AssertLoggedAsync(api, "/v1/cvv/generate", await api.Client().PostJsonAsync("/v1/cvv/generate", cvv2), HttpStatusCode.InternalServerError);
        }
        finally
        {
            await drop();
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_pan_in_the_path_is_redacted_with_dots_or_spaces(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        foreach (var path in new[] { "/v1/admin/keys/4444.3333.2222.1111", "/v1/admin/keys/4444%203333%202222%201111" })
        {
            await (await api.Client().GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        var lines = api.Logs.Lines.Where(l => l.Contains("Path: /v1/admin/keys/4444", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            var written = RedactingConsoleFormatter.Format(DateTimeOffset.UnixEpoch, Microsoft.Extensions.Logging.LogLevel.Information, "Http", line);
            Assert.DoesNotContain("1111", written, StringComparison.Ordinal);
            Assert.Contains("[REDACTED]", written, StringComparison.Ordinal);
        }
    }

    /// <summary>The response has <paramref name="status"/>, and the one access log line for it says so.</summary>
    private static async Task AssertLoggedAsync(TestApi api, string path, HttpResponseMessage response, HttpStatusCode status)
    {
        await response.AssertProblemAsync(status);
        var lines = api.Logs.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal) && l.Contains($"Path: {path}", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count > 0, $"no access log line for {path}");
        Assert.Contains($"StatusCode: {(int)status}", lines[^1], StringComparison.Ordinal);
    }
}
