using System.Collections.Concurrent;
using System.Text.Json;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>kill -9 of the API during a stream of CVC3 verifications: every ATC acknowledged as a match was stored.</summary>
public sealed class CrashTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int CardCount = 4;
    private const int AtcsPerCard = 40; // below the lockout's 100 failures: every replay check after the restart is evaluated
    private const int KillAfterMatches = 60;

    public static TheoryData<string> All => Stores.All;

    [Theory, MemberData(nameof(All))]
    public async Task No_acknowledged_atc_is_lost_when_the_api_is_killed(string store)
    {
        var database = await fixture.CreateDatabaseAsync(store);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cards = new List<(string Pan, string[] Values)>();
        var acknowledged = new ConcurrentBag<(string Pan, int Atc, string Value)>();
        await using (var api = await ApiProcess.StartAsync(database))
        {
            await api.MastercardRangeAsync(new { maxFailures = 100, lockMinutes = 30 });
            using var client = api.Client(await api.OperatorKeyAsync());
            for (var c = 0; c < CardCount; c++)
            {
                var pan = TestPans.Random("539269");
                await api.RegisterCardAsync(pan);
                var values = await Task.WhenAll(Enumerable.Range(1, AtcsPerCard).Select(async atc =>
                    (await (await client.PostJsonAsync("/v1/cvc3/generate", Cvc3Bodies.Generate(pan, atc))).ReadJsonAsync()).Text("cvc3")[2..]));
                cards.Add((pan, values));
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: values generated");
            // One worker per card, its ATCs in order; the process is killed once enough matches were acknowledged.
            using var killed = new CancellationTokenSource();
            var workers = cards.Select(card => Task.Run(async () =>
            {
                using var worker = api.Client(timeout: TimeSpan.FromSeconds(20));
                for (var atc = 1; atc <= AtcsPerCard && !killed.IsCancellationRequested; atc++)
                {
                    try
                    {
                        using var response = await worker.PostJsonAsync("/v1/cvc3/verify", Cvc3Bodies.Verify(card.Pan, atc, card.Values[atc - 1]));
                        var body = await response.Content.ReadAsStringAsync();
                        if (response.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.Text("result") == "match")
                        {
                            acknowledged.Add((card.Pan, atc, card.Values[atc - 1]));
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                    {
                        return; // the process is gone: this answer never arrived
                    }
                }
            })).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < KillAfterMatches && !workers.All(w => w.IsCompleted) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: kill -9 after {acknowledged.Count} matches");
            api.Kill();
            await killed.CancelAsync();
            await Task.WhenAll(workers);
        }

        var count = acknowledged.Count;
        Assert.True(count > 0, "No verification was acknowledged before the kill: the case checked nothing.");
        await using var restarted = await ApiProcess.StartAsync(database);
        using var checker = restarted.Client();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: restarted");
        var lost = new List<string>();
        foreach (var (pan, atc, value) in acknowledged.OrderBy(a => a.Pan, StringComparer.Ordinal).ThenBy(a => a.Atc))
        {
            var answer = await (await checker.PostJsonAsync("/v1/cvc3/verify", Cvc3Bodies.Verify(pan, atc, value))).ReadJsonAsync();
            if (answer.GetProperty("reason").GetString() != "atc_replay")
            {
                lost.Add($"{pan[^4..]}/ATC {atc}: {answer.GetProperty("result").GetString()} {answer.GetProperty("reason").GetString()}");
            }
        }
        output.WriteLine($"{count} matches acknowledged before kill -9; {lost.Count} not stored after the restart");
        Assert.True(lost.Count == 0, $"{lost.Count} of {count} acknowledged matches were lost: {string.Join("; ", lost.Take(10))}");
    }
}
