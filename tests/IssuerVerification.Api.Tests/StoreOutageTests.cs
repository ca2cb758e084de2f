using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IssuerVerification.Api.Tests;

/// <summary>The store goes away mid-run: requests get 503 problems, nothing half-done, and service resumes without a restart.</summary>
public sealed class StoreOutageTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Store_down_gives_503_then_recovers_without_restart(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await (await client.GetAsync("/v1/admin/keys")).ReadJsonAsync();

        await using (await StoreOutage.BeginAsync(api))
        {
            var down = await client.PostJsonAsync("/v1/admin/keys", new { alias = "during-outage", usage = "CVK" });
            var problem = await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.DoesNotContain("Sqlite", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Npgsql", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        await (await client.GetAsync("/v1/admin/keys")).ReadJsonAsync();
        await (await client.GetAsync("/v1/admin/keys/during-outage")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "after-outage", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_verification_is_never_answered_without_its_writes(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await api.RangeAsync("539269", new Dictionary<string, string?> { ["cvv2"] = null, ["cvc3"] = null }, network: "mastercard");
        var pan = await api.CardAsync("539269");
        var value = (await (await client.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).GetProperty("value").GetString()!;
        var cvv2 = new { pan, expiry = "3012", kind = "cvv2", value };
        object Cvc3(string? value) => new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0007", cvc3 = value };
        var generate = new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0007" };
        var cvc3 = (await (await client.PostJsonAsync("/v1/cvc3/generate", generate)).ReadJsonAsync()).GetProperty("cvc3").GetString()![2..];
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", cvv2)); // the card's state is now cached

        await using (await StoreOutage.BeginAsync(api))
        {
            // The audit record (CVV) and the ATC claim (CVC3) cannot be committed: no answer, no match.
            await (await client.PostJsonAsync("/v1/cvv/verify", cvv2)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await client.PostJsonAsync("/v1/cvc3/verify", Cvc3(cvc3))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        // The ATC was not claimed during the outage, so it is still fresh; claimed now, it is a replay next time.
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", Cvc3(cvc3)));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/cvc3/verify", Cvc3(cvc3)));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", cvv2));
    }
}

/// <summary>Makes the test host's store unreachable until disposed.</summary>
public sealed class StoreOutage : IAsyncDisposable
{
    private readonly Func<Task> _end;

    private StoreOutage(Func<Task> end) => _end = end;

    public static async Task<StoreOutage> BeginAsync(TestApi api)
    {
        if (api.Store == TestStores.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(api.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            File.Move(path, path + ".away");
            return new StoreOutage(() =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path); // the empty file SQLite made meanwhile
                File.Move(path + ".away", path);
                return Task.CompletedTask;
            });
        }
        var database = new NpgsqlConnectionStringBuilder(api.ConnectionString).Database;
        var admin = TestStores.PostgresConnectionString!;
        await TestStores.ExecuteAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await TestStores.ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        return new StoreOutage(() => TestStores.ExecuteAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS true"));
    }

    public async ValueTask DisposeAsync() => await _end();
}
