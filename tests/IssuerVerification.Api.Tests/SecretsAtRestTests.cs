using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Retention;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Idempotency records expire and are purged; API keys stored as unkeyed SHA-256 still work and are upgraded.</summary>
public sealed class SecretsAtRestTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task An_expired_idempotency_record_is_neither_replayed_nor_blocks_its_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        client.DefaultRequestHeaders.Add(IdempotencyFilter.HeaderName, "key-create");
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "expiry-1", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromHours(23));
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "expiry-2", usage = "CVK" })).AssertProblemAsync(HttpStatusCode.Conflict);

        api.Clock.Advance(TimeSpan.FromHours(2));
        var second = await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "expiry-2", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("expiry-2", second.GetProperty("alias").GetString());
        // The same key and body again is a replay of the new response, not of the expired one.
        var replay = await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "expiry-2", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(second.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Retention_deletes_expired_idempotency_records_only(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/keys") { Content = JsonContent($"old-{i}") };
            request.Headers.Add(IdempotencyFilter.HeaderName, $"old-{i}");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        api.Clock.Advance(IdempotencyFilter.Lifetime + TimeSpan.FromMinutes(1));
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/keys") { Content = JsonContent("new") })
        {
            request.Headers.Add(IdempotencyFilter.HeaderName, "new");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, (await api.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None))["IdempotencyRecords"]);
        var keys = (await StoreInspection.AllColumnsAsync(api)).Where(c => c.Column == "IdempotencyRecords.Key").Select(c => c.Value).ToList();
        Assert.Equal(["new"], keys);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_api_key_stored_as_plain_sha256_still_works_and_is_upgraded_to_a_keyed_hash(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var clients = api.Services.GetRequiredService<IClientStore>();
        const string key = "ivk_legacy-key-made-before-keyed-hashes";
        var legacy = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        await clients.AddAsync(new ApiClient { Id = Guid.NewGuid(), Name = "legacy", KeyHash = legacy, Scopes = [Scopes.Admin], CreatedAt = DateTime.UtcNow }, default);

        await (await api.Client(key).GetAsync("/v1/admin/clients")).ReadJsonAsync();

        Assert.Null(await clients.FindByKeyHashAsync(legacy, default));
        var upgraded = await clients.FindByNameAsync("legacy", default);
        Assert.NotEqual(legacy, upgraded!.KeyHash);
        api.Clock.Advance(TimeSpan.FromMinutes(1)); // past the lookup cache
        await (await api.Client(key).GetAsync("/v1/admin/clients")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(key + "x").GetAsync("/v1/admin/clients")).StatusCode);
    }

    private static StringContent JsonContent(string alias) =>
        new(JsonSerializer.Serialize(new { alias, usage = "CVK" }), Encoding.UTF8, "application/json");
}
