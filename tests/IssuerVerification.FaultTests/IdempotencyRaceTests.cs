using System.Net;
using System.Text.Json;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// Ten requests at once with one Idempotency-Key, split over two API processes on one database: the operation runs once. The others get the first answer again
/// (status, body and Location) or a 409: a different request with a used key, or the same one while the first is in progress.
/// </summary>
public sealed class IdempotencyRaceTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Parallel = 10;
    private const string ConflictType = "https://issuer-verification.dev/problems/conflict";

    public static TheoryData<string> All => Stores.All;

    private Task<ApiProcess[]> ApisAsync(string store) =>
        fixture.SharedApisAsync(store, 2, api => api.MastercardRangeAsync(new { maxFailures = 5 }));

    [Theory, MemberData(nameof(All))]
    public async Task Key_creations_with_one_key_and_different_aliases_create_one_key(string store)
    {
        var apis = await ApisAsync(store);
        var prefix = "idem-" + Guid.NewGuid().ToString("N")[..8];
        var answers = await SendAllAsync(apis, "/v1/admin/keys", Guid.NewGuid().ToString(),
            i => JsonSerializer.Serialize(new { alias = $"{prefix}-{i}", usage = "CVK" }));

        using var client = apis[0].Client();
        var keys = await (await client.GetAsync("/v1/admin/keys")).ReadJsonAsync();
        var created = keys.EnumerateArray().Select(k => k.Text("alias")).Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        output.WriteLine($"keys created: {created.Count}; answers: {Tally(answers)}");
        Assert.True(created.Count == 1, $"{created.Count} keys were created with one Idempotency-Key ({string.Join(", ", created)}); answers: {Tally(answers)}");

        var firsts = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(firsts);
        Assert.All(firsts, a => Assert.Equal(created[0], JsonDocument.Parse(a.Body).RootElement.Text("alias")));
        Assert.All(firsts, a => Assert.Equal(firsts[0].Body, a.Body));
        Assert.All(firsts, a => Assert.Equal($"/v1/admin/keys/{created[0]}", a.Location));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
    }

    [Theory, MemberData(nameof(All))]
    public async Task Dcvv2_generations_with_one_key_and_different_bodies_run_once(string store)
    {
        var apis = await ApisAsync(store);
        var pan = TestPans.Random("539269");
        await apis[0].RegisterCardAsync(pan);
        var answers = await SendAllAsync(apis, "/v1/dcvv2/generate", Guid.NewGuid().ToString(),
            i => JsonSerializer.Serialize(new { pan, count = i + 1 }));
        output.WriteLine($"answers: {Tally(answers)}");
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) == 1, $"Expected exactly one 200: {Tally(answers)}");
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.Conflict) == Parallel - 1, $"Expected {Parallel - 1} × 409: {Tally(answers)}");
    }

    [Theory, MemberData(nameof(All))]
    public async Task Card_registrations_with_one_key_and_one_body_register_one_card(string store)
    {
        var apis = await ApisAsync(store);
        var body = JsonSerializer.Serialize(new { pan = TestPans.Random("539269"), expiry = "3012" });
        var key = Guid.NewGuid().ToString();
        var answers = await SendAllAsync(apis, "/v1/admin/cards", key, _ => body);
        output.WriteLine($"answers: {Tally(answers)}");

        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        var cardIds = created.Select(a => JsonDocument.Parse(a.Body).RootElement.Text("cardId")).Distinct().ToList();
        Assert.True(cardIds.Count == 1, $"One request, several cards: {string.Join(", ", cardIds)}");
        Assert.All(created, a => Assert.Equal($"/v1/admin/cards/{cardIds[0]}", a.Location));
        foreach (var other in answers.Where(a => a.Status != HttpStatusCode.Created))
        {
            // Accepted: "in progress, retry" (409 with Retry-After). Never: the card "already exists" — it is this request's own card.
            Assert.True(other.Status == HttpStatusCode.Conflict && other.RetryAfter && other.Type != ConflictType,
                $"A retry of the same request got {(int)other.Status} {other.Type} (Retry-After: {other.RetryAfter}): {other.Body}");
        }

        // Once settled, the same request again is the first answer again, Location included.
        var replay = await SendAllAsync(apis, "/v1/admin/cards", key, _ => body, 1);
        Assert.Equal(HttpStatusCode.Created, replay[0].Status);
        Assert.Equal(cardIds[0], JsonDocument.Parse(replay[0].Body).RootElement.Text("cardId"));
        Assert.Equal($"/v1/admin/cards/{cardIds[0]}", replay[0].Location);
    }

    [Theory, MemberData(nameof(All))]
    public async Task An_over_long_key_is_a_400(string store)
    {
        var apis = await ApisAsync(store);
        var answer = (await SendAllAsync(apis, "/v1/admin/keys", new string('k', 300),
            _ => JsonSerializer.Serialize(new { alias = "long-" + Guid.NewGuid().ToString("N")[..8], usage = "CVK" }), 1))[0];
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string? Location, bool RetryAfter, string? MediaType, string? Type);

    private static string Tally(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{(int)a.Status} {a.Type}".Trim()).Select(g => $"{g.Key}: {g.Count()}"));

    /// <summary>
    /// Sends <paramref name="count"/> requests at once as one client, all with this Idempotency-Key, request i with body(i)
    /// to process i mod the number of processes.
    /// </summary>
    private static async Task<Answer[]> SendAllAsync(ApiProcess[] apis, string path, string key, Func<int, string> body, int count = Parallel)
    {
        var operatorKey = await apis[0].OperatorKeyAsync();
        var clients = apis.Select(a => a.Client(operatorKey, timeout: TimeSpan.FromSeconds(30))).ToArray();
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await clients[i % clients.Length].SendRawAsync(
                HttpMethod.Post, path, body(i), new Dictionary<string, string> { ["Idempotency-Key"] = key });
            var text = await response.Content.ReadAsStringAsync();
            var type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(text).RootElement.TryGetProperty("type", out var t) ? t.GetString() : null
                : null;
            return new Answer(response.StatusCode, text, response.Headers.Location?.OriginalString, response.Headers.RetryAfter is not null,
                response.Content.Headers.ContentType?.MediaType, type);
        })).ToArray();
        start.Set();
        try
        {
            return await Task.WhenAll(calls);
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
