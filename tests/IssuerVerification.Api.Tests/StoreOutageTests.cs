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
