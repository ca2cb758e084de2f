using System.Net;
using System.Text.Json;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// 100 parallel guesses at one fresh card through two API processes on one database: lockout (maxFailures 5) must bound them.
/// The answers must be those of some sequential order of the same requests: without a match, exactly 5 wrong guesses are
/// evaluated (value_mismatch) and every other one is card_locked; the right guess matches only if at most 4 wrong ones were
/// counted before it, and a match restarts the count, so then at most 4 + 5 wrong guesses are value_mismatch.
/// </summary>
public sealed class LockoutRaceTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int MaxFailures = 5;
    private const int Guesses = 100;

    public static TheoryData<string> All => Stores.All;

    private Task<ApiProcess[]> ApisAsync(string store) =>
        fixture.SharedApisAsync(store, 2, api => api.MastercardRangeAsync(new { maxFailures = MaxFailures, lockMinutes = 30 }));

    [Theory, MemberData(nameof(All))]
    public async Task Parallel_cvv2_guesses_are_bounded_by_the_lockout(string store)
    {
        var apis = await ApisAsync(store);
        var pan = TestPans.Random("539269");
        await apis[0].RegisterCardAsync(pan);
        using var generator = apis[0].Client(await apis[0].ClientKeyAsync("card:generate"));
        var right = (await (await generator.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).Text("value");

        var guesses = WrongGuesses.Values(right, Guesses - 1).Select(v => (Right: false, Body: (object)Cvv2(pan, v))).ToList();
        guesses.Insert(Random.Shared.Next(Guesses), (true, Cvv2(pan, right)));
        await AssertBoundedAsync(apis, "/v1/cvv/verify", guesses);
    }

    [Theory, MemberData(nameof(All))]
    public async Task Parallel_dcvv2_guesses_are_bounded_by_the_lockout(string store)
    {
        var apis = await ApisAsync(store);
        var pan = TestPans.Random("539269");
        await apis[0].RegisterCardAsync(pan);
        using var website = apis[0].Client(await apis[0].ClientKeyAsync("dcvv2:generate"));
        var issued = await (await website.PostJsonAsync("/v1/dcvv2/generate", new { pan, count = 1 })).ReadJsonAsync();
        var right = issued.GetProperty("values")[0].Text("dcvv2");

        var guesses = WrongGuesses.Values(right, Guesses - 1).Select(v => (Right: false, Body: (object)new { pan, dcvv2 = v })).ToList();
        guesses.Insert(Random.Shared.Next(Guesses), (true, new { pan, dcvv2 = right }));
        await AssertBoundedAsync(apis, "/v1/dcvv2/verify", guesses);
    }

    [Theory, MemberData(nameof(All))]
    public async Task Parallel_cvc3_guesses_are_bounded_by_the_lockout(string store)
    {
        var apis = await ApisAsync(store);
        var pan = TestPans.Random("539269");
        await apis[0].RegisterCardAsync(pan);
        using var generator = apis[0].Client(await apis[0].ClientKeyAsync("card:generate"));
        // One ATC per guess (1..100). Each wrong guess is its ATC's right value with the last digit changed, so it is surely wrong.
        var rightAt = Random.Shared.Next(Guesses);
        var guesses = new List<(bool Right, object Body)>();
        for (var atc = 1; atc <= Guesses; atc++)
        {
            var cvc3 = (await (await generator.PostJsonAsync("/v1/cvc3/generate", Cvc3Bodies.Generate(pan, atc))).ReadJsonAsync()).Text("cvc3")[2..];
            var isRight = atc - 1 == rightAt;
            var sent = isRight ? cvc3 : cvc3[..2] + (char)('0' + (cvc3[2] - '0' + 1) % 10);
            guesses.Add((isRight, Cvc3Bodies.Verify(pan, atc, sent)));
        }
        await AssertBoundedAsync(apis, "/v1/cvc3/verify", guesses.OrderBy(_ => Random.Shared.Next()).ToList());
    }

    private static object Cvv2(string pan, string value) => new { pan, expiry = "3012", kind = "cvv2", value };

    /// <summary>Sends every guess at once, alternating between the processes, and checks the answers against the lockout.</summary>
    private async Task AssertBoundedAsync(ApiProcess[] apis, string path, List<(bool Right, object Body)> guesses)
    {
        var verifierKey = await apis[0].ClientKeyAsync("card:verify");
        var clients = apis.Select(a => a.Client(verifierKey)).ToArray();
        try
        {
            using var start = new ManualResetEventSlim();
            var calls = guesses.Select((g, i) => Task.Run(async () =>
            {
                start.Wait();
                using var response = await clients[i % clients.Length].PostJsonAsync(path, g.Body);
                var text = await response.Content.ReadAsStringAsync();
                return response.StatusCode == HttpStatusCode.OK
                    ? JsonDocument.Parse(text).RootElement.GetProperty("reason").GetString() ?? "match"
                    : $"HTTP {(int)response.StatusCode}";
            })).ToArray();
            start.Set();
            var answers = await Task.WhenAll(calls);

            var right = answers[guesses.FindIndex(g => g.Right)];
            var wrong = answers.Where((_, i) => !guesses[i].Right).ToList();
            var tally = string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
            output.WriteLine($"{path}: right guess answered {right}; {tally}");

            // A CVC3 guess whose ATC the right guess claimed first is refused as a replay before its value is computed: a failure too.
            var mismatches = answers.Count(a => a is "value_mismatch" or "atc_replay");
            Assert.True(wrong.All(a => a is "value_mismatch" or "atc_replay" or "card_locked"), $"Wrong guesses got other answers: {tally}");
            Assert.True(right is "match" or "card_locked", $"The right guess got {right}: {tally}");
            if (right == "match")
            {
                Assert.True(mismatches is >= MaxFailures and <= 2 * MaxFailures - 1,
                    $"The right guess matched: {MaxFailures} to {2 * MaxFailures - 1} wrong guesses are evaluated in a sequential order, not {mismatches} ({tally}).");
            }
            else
            {
                Assert.True(mismatches == MaxFailures, $"{mismatches} wrong guesses were evaluated; exactly {MaxFailures} may be ({tally}).");
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
