using System.Collections.Concurrent;
using System.Diagnostics;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// The PostgreSQL server stops and comes back, or freezes (SIGSTOP), under a running API: answers are 200 or a 503 with
/// Retry-After, never another 5xx, never a hang past the configured timeouts, and the API recovers without a restart.
/// </summary>
public sealed class PostgresOutageTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    /// <summary>The store timeouts the API is started with (its own defaults are of the same order).</summary>
    private static readonly Dictionary<string, string> Timeouts = new()
    {
        ["Storage:CommandTimeoutSeconds"] = "3",
        ["Storage:ConnectTimeoutSeconds"] = "2",
    };

    public static TheoryData<string> Postgres => Stores.PostgresOnly;

    private sealed record Outcome(TimeSpan At, int Status, bool RetryAfter, string? Failure);

    private static async Task<(ApiProcess Api, object Verify)> StartAsync(TestDatabase database)
    {
        var api = await ApiProcess.StartAsync(database, Timeouts);
        try
        {
            await api.MastercardRangeAsync(new { maxFailures = 5 });
            var pan = TestPans.Random("539269");
            await api.RegisterCardAsync(pan);
            using var client = api.Client(await api.OperatorKeyAsync());
            var value = (await (await client.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).Text("value");
            var verify = new { pan, expiry = "3012", kind = "cvv2", value };
            await (await client.PostJsonAsync("/v1/cvv/verify", verify)).ReadJsonAsync(); // pooled connections and cached card now exist
            return (api, verify);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private static async Task<Outcome> SendAsync(HttpClient client, string path, object? body, Stopwatch clock)
    {
        try
        {
            using var response = body is null ? await client.GetAsync(path) : await client.PostJsonAsync(path, body);
            await response.Content.ReadAsStringAsync();
            return new Outcome(clock.Elapsed, (int)response.StatusCode, response.Headers.RetryAfter is not null, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(clock.Elapsed, 0, false, e is TaskCanceledException ? $"no answer within {client.Timeout.TotalSeconds} s" : e.Message);
        }
    }

    /// <summary>Polls a verification until it answers 200; returns how long that took, or null if not within the limit.</summary>
    private static async Task<TimeSpan?> RecoveryAsync(ApiProcess api, object verify, TimeSpan limit)
    {
        using var client = api.Client(timeout: TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if ((await SendAsync(client, "/v1/cvv/verify", verify, clock)).Status == 200)
            {
                return clock.Elapsed;
            }
            await Task.Delay(250);
        }
        return null;
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task Server_stopped_and_restarted_during_verifications(string store)
    {
        var cluster = await fixture.ClusterAsync();
        var (api, verify) = await StartAsync(await fixture.CreateDatabaseAsync(store));
        await using var _ = api;
        var outcomes = new ConcurrentQueue<Outcome>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var stream = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = api.Client(timeout: TimeSpan.FromSeconds(30));
            while (!stop.IsCancellationRequested)
            {
                outcomes.Enqueue(await SendAsync(client, "/v1/cvv/verify", verify, clock));
            }
        })).ToArray();

        TimeSpan? recovered;
        try
        {
            await Task.Delay(1000);
            await cluster.StopServerAsync();
            var stopped = clock.Elapsed;
            await Task.Delay(2000);
            await cluster.StartServerAsync();
            output.WriteLine($"server stopped at {stopped.TotalSeconds:F1} s, restarted at {clock.Elapsed.TotalSeconds:F1} s");
            recovered = await RecoveryAsync(api, verify, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(stream);
            await cluster.StartServerAsync().ContinueWith(_ => { }, TaskScheduler.Default); // already running unless a step failed
        }

        var tally = string.Join(", ", outcomes.GroupBy(o => o.Status == 0 ? o.Failure : $"{o.Status}{(o.RetryAfter ? " + Retry-After" : "")}")
            .Select(g => $"{g.Key}: {g.Count()}"));
        output.WriteLine($"answers: {tally}; recovered {(recovered is { } r ? $"{r.TotalSeconds:F1} s after the restart" : "not within 20 s")}");
        Assert.True(outcomes.All(o => o.Status is 200 or 503), $"Answers other than 200 and 503: {tally}");
        Assert.True(outcomes.Where(o => o.Status == 503).All(o => o.RetryAfter), $"A 503 without Retry-After: {tally}");
        Assert.True(outcomes.Any(o => o.Status == 503), $"No 503 while the server was down: the outage was not observed ({tally}).");
        Assert.True(recovered is not null, $"No verification answered 200 within 20 s of the restart ({tally}).");
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task Frozen_server_gives_503_within_the_timeout_then_recovers(string store)
    {
        var cluster = await fixture.ClusterAsync();
        var (api, verify) = await StartAsync(await fixture.CreateDatabaseAsync(store));
        await using var _ = api;
        using var client = api.Client(timeout: TimeSpan.FromSeconds(15));
        using var health = api.Client(apiKey: null, timeout: TimeSpan.FromSeconds(10));
        Outcome verified, ready;
        var clock = Stopwatch.StartNew();
        await cluster.FreezeAsync();
        try
        {
            var verifying = SendAsync(client, "/v1/cvv/verify", verify, Stopwatch.StartNew());
            var readiness = SendAsync(health, "/health/ready", null, Stopwatch.StartNew());
            (verified, ready) = (await verifying, await readiness);
        }
        finally
        {
            await cluster.ThawAsync();
        }
        var recovered = await RecoveryAsync(api, verify, TimeSpan.FromSeconds(20));

        string Show(Outcome o) => o.Status == 0 ? $"{o.Failure} (after {o.At.TotalSeconds:F1} s)" : $"{o.Status} after {o.At.TotalSeconds:F1} s";
        output.WriteLine($"frozen: verify {Show(verified)}, /health/ready {Show(ready)}; recovered: {recovered?.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "no"}");
        Assert.True(verified.Status == 503 && verified.At < TimeSpan.FromSeconds(10), $"A verification against a frozen server: {Show(verified)}; expected 503 within 10 s.");
        Assert.True(verified.RetryAfter, "The 503 has no Retry-After.");
        Assert.True(ready.Status == 503 && ready.At < TimeSpan.FromSeconds(3), $"/health/ready against a frozen server: {Show(ready)}; expected 503 within 3 s.");
        Assert.True(recovered is not null, "No verification answered 200 within 20 s of SIGCONT.");
    }
}
