using System.Net;
using System.Text;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

public sealed class FoundationTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Health_endpoints_answer_without_a_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Missing_or_unknown_key_is_401_and_missing_scope_403(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await (await api.Client(apiKey: null).GetAsync("/v1/admin/keys")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.Client("not-a-key").GetAsync("/v1/admin/keys")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var verifier = await api.ClientWithScopesAsync("card:verify");
        await (await verifier.GetAsync("/v1/admin/keys")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Body_over_64_KiB_is_413(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var body = new StringContent("{\"name\":\"" + new string('x', 70_000) + "\",\"scopes\":[\"admin\"]}", Encoding.UTF8, "application/json");
        await (await api.Client().PostAsync("/v1/admin/clients", body)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Malformed_json_is_400_and_wrong_media_type_415(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var malformed = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");
        var problem = await (await api.Client().PostAsync("/v1/admin/clients", malformed)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
        var text = new StringContent("name=x", Encoding.UTF8, "text/plain");
        var unsupported = await (await api.Client().PostAsync("/v1/admin/clients", text)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.EndsWith("/unsupported-media-type", unsupported.GetProperty("type").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Unknown_enum_value_and_null_name_the_field(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var response = await api.Client().PostJsonAsync("/v1/admin/keys", new { alias = "k1", usage = "PIN" });
        await response.AssertInvalidFieldAsync("usage");
        response = await api.Client().PostJsonAsync("/v1/admin/keys", new { alias = (string?)null, usage = "CVK" });
        await response.AssertInvalidFieldAsync("alias");
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Admin_key_from_configuration_implies_every_scope(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var created = await (await api.Client().PostJsonAsync("/v1/admin/clients", new { name = "website", scopes = new[] { "dcvv2:generate" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("website", created.GetProperty("name").GetString());
        Assert.StartsWith("ivk_", created.GetProperty("apiKey").GetString());
        await (await api.Client().PostJsonAsync("/v1/admin/clients", new { name = "website", scopes = new[] { "admin" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.Client().PostJsonAsync("/v1/admin/clients", new { name = "other", scopes = new[] { "root" } }))
            .AssertInvalidFieldAsync("scopes[0]");
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Rate_limit_answers_429_with_retry_after(string store)
    {
        await using var api = await TestApi.StartAsync(store, new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerSecond"] = "1",
            ["RateLimiting:Burst"] = "2",
        });
        var client = api.Client();
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await client.GetAsync("/v1/admin/keys"));
        }
        var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Idempotency_key_replays_the_first_response_and_refuses_another_body(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "create-ci-client");
        var first = await (await client.PostJsonAsync("/v1/admin/clients", new { name = "ci", scopes = new[] { "card:verify" } })).ReadJsonAsync(HttpStatusCode.Created);
        var replay = await (await client.PostJsonAsync("/v1/admin/clients", new { name = "ci", scopes = new[] { "card:verify" } })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("apiKey").GetString(), replay.GetProperty("apiKey").GetString());
        await (await client.PostJsonAsync("/v1/admin/clients", new { name = "ci2", scopes = new[] { "card:verify" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Restart_keeps_every_row(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        try
        {
            var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
            await using (var first = await TestApi.StartAsync(store, settings))
            {
                await (await first.Client().PostJsonAsync("/v1/admin/keys", new { alias = "kept", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
            }
            await using var second = await TestApi.StartAsync(store, settings);
            await (await second.Client().GetAsync("/v1/admin/keys/kept")).ReadJsonAsync();
        }
        finally
        {
            await drop();
        }
    }
}
