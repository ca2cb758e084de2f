using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Listing, revoking and rotating clients; changing card ranges; retiring keys.</summary>
public sealed class AdminChangeTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Clients_are_listed_without_keys_and_a_revoked_key_fails_at_once(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (id, key) = await CreateClientAsync(api, "second-admin", "admin");
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetAsync("/v1/admin/keys")).StatusCode); // now cached

        var listText = await (await api.Client().GetAsync("/v1/admin/clients")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, listText, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listText, StringComparison.OrdinalIgnoreCase);
        var listed = (await (await api.Client().GetAsync("/v1/admin/clients")).ReadJsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal("second-admin", listed.GetProperty("name").GetString());
        Assert.Equal("admin", listed.GetProperty("scopes")[0].GetString());
        Assert.Equal(JsonValueKindNull, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKindNull, listed.GetProperty("previousKeyValidUntil").ValueKind);
        Assert.False(listed.TryGetProperty("apiKey", out _));

        var revoked = await (await api.Client().PostAsync($"/v1/admin/clients/{id}/revoke", null)).ReadJsonAsync();
        var revokedAt = revoked.GetProperty("revokedAt").GetDateTime();
        await (await api.Client(key).GetAsync("/v1/admin/keys")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await (await api.Client().PostAsync($"/v1/admin/clients/{id}/revoke", null)).ReadJsonAsync();
        Assert.Equal(revokedAt, again.GetProperty("revokedAt").GetDateTime());
        await (await api.Client().PostAsync($"/v1/admin/clients/{Guid.NewGuid()}/revoke", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "client.revoke");
        Assert.Equal("bootstrap-admin", entry.Client);
        Assert.Equal("second-admin", entry.Reason);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_last_active_admin_cannot_be_revoked(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var bootstrapId = (await (await api.Client().GetAsync("/v1/admin/clients")).ReadJsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "bootstrap-admin").GetProperty("id").GetString();
        await (await api.Client().PostAsync($"/v1/admin/clients/{bootstrapId}/revoke", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // With a second admin the bootstrap admin can go; then the second one is the last and cannot revoke itself.
        var (otherId, otherKey) = await CreateClientAsync(api, "other-admin", "admin");
        var (_, verifierKey) = await CreateClientAsync(api, "verifier", "card:verify");
        await (await api.Client(otherKey).PostAsync($"/v1/admin/clients/{bootstrapId}/revoke", null)).ReadJsonAsync();
        await (await api.Client().GetAsync("/v1/admin/keys")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var problem = await (await api.Client(otherKey).PostAsync($"/v1/admin/clients/{otherId}/revoke", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("last active client with scope admin", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.Client(otherKey).GetAsync("/v1/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(verifierKey).GetAsync("/v1/admin/keys")).StatusCode);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Two_admins_revoking_each_other_at_once_leave_one(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var adminKey = TestApi.AdminKey;
        for (var round = 0; round < 5; round++)
        {
            var (a, keyA) = await CreateClientUsingAsync(api, adminKey, $"a-{round}", "admin");
            var (b, keyB) = await CreateClientUsingAsync(api, adminKey, $"b-{round}", "admin");
            var previous = (await (await api.Client(keyA).GetAsync("/v1/admin/clients")).ReadJsonAsync()).EnumerateArray()
                .Where(c => c.GetProperty("revokedAt").ValueKind == JsonValueKindNull && c.GetProperty("id").GetString() is var id && id != a && id != b)
                .Select(c => c.GetProperty("id").GetString()).ToList();
            foreach (var id in previous)
            {
                await (await api.Client(keyA).PostAsync($"/v1/admin/clients/{id}/revoke", null)).ReadJsonAsync();
            }
            var answers = await Task.WhenAll(
                api.Client(keyA).PostAsync($"/v1/admin/clients/{b}/revoke", null),
                api.Client(keyB).PostAsync($"/v1/admin/clients/{a}/revoke", null));
            // One wins; the other is refused (409), or answers 401 when its own revocation came before its authentication.
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Unauthorized);
            adminKey = answers[0].StatusCode == HttpStatusCode.OK ? keyA : keyB;
            Assert.Equal(HttpStatusCode.OK, (await api.Client(adminKey).GetAsync("/v1/admin/keys")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_rotated_key_works_with_the_old_one_during_the_grace_period_only(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (id, oldKey) = await CreateClientAsync(api, "rotating", "card:verify");
        Assert.True(await WorksAsync(api, oldKey));

        var rotated = await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { graceMinutes = 10 })).ReadJsonAsync();
        var newKey = rotated.GetProperty("apiKey").GetString()!;
        Assert.StartsWith("ivk_", newKey);
        Assert.Equal("rotating", rotated.GetProperty("name").GetString());
        var until = api.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        Assert.Equal(until, rotated.GetProperty("previousKeyValidUntil").GetDateTime().ToUniversalTime());
        Assert.True(await WorksAsync(api, oldKey));
        Assert.True(await WorksAsync(api, newKey));
        var listed = await ListedAsync(api, id);
        Assert.Equal(until, listed.GetProperty("previousKeyValidUntil").GetDateTime().ToUniversalTime());

        api.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await WorksAsync(api, oldKey));
        Assert.True(await WorksAsync(api, newKey));
        Assert.Equal(JsonValueKindNull, (await ListedAsync(api, id)).GetProperty("previousKeyValidUntil").ValueKind);

        // Grace 0: the key being replaced stops at once.
        var immediate = await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { graceMinutes = 0 })).ReadJsonAsync();
        var newestKey = immediate.GetProperty("apiKey").GetString()!;
        Assert.False(await WorksAsync(api, newKey));
        Assert.True(await WorksAsync(api, newestKey));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Rotation_input_errors_unknown_and_revoked_clients(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (id, key) = await CreateClientAsync(api, "to-revoke", "card:verify");
        await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { graceMinutes = 1441 })).AssertInvalidFieldAsync("graceMinutes");
        await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { graceMinutes = -1 })).AssertInvalidFieldAsync("graceMinutes");
        await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { })).AssertInvalidFieldAsync("graceMinutes");
        Assert.True(await WorksAsync(api, key)); // nothing rotated
        await (await api.Client().PostJsonAsync($"/v1/admin/clients/{Guid.NewGuid()}/rotate-key", new { graceMinutes = 5 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Client().PostAsync($"/v1/admin/clients/{id}/revoke", null)).ReadJsonAsync();
        await (await api.Client().PostJsonAsync($"/v1/admin/clients/{id}/rotate-key", new { graceMinutes = 5 }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await WorksAsync(api, key));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Range_patch_checks_slots_like_creation_and_changes_nothing_when_refused(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "cvk-p", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "d2-p", usage = "DCVV2" })).ReadJsonAsync(HttpStatusCode.Created);
        var range = await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "455555", network = "visa", keys = new { cvv2 = "cvk-p" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = range.GetProperty("id").GetString();
        var path = $"/v1/admin/card-ranges/{id}";

        await (await client.PatchJsonAsync(path, new { keys = new { cvv2 = "d2-p" }, lockout = new { maxFailures = 2 } })).AssertInvalidFieldAsync("keys.cvv2");
        await (await client.PatchJsonAsync(path, new { keys = new { icvv = "missing" } })).AssertInvalidFieldAsync("keys.icvv");
        await (await client.PatchJsonAsync(path, new { keys = new { pin = "cvk-p" } })).AssertInvalidFieldAsync("keys[0]");
        await (await client.PatchJsonAsync(path, new { lockout = new { maxFailures = 0 } })).AssertInvalidFieldAsync("lockout.maxFailures");
        await (await client.PatchJsonAsync(path, new { dcvv2 = new { windowMinutes = 1081 } })).AssertInvalidFieldAsync("dcvv2.windowMinutes");
        await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{Guid.NewGuid()}", new { lockout = new { maxFailures = 2 } }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var unchanged = (await (await client.GetAsync("/v1/admin/card-ranges")).ReadJsonAsync()).EnumerateArray().Single();
        Assert.Equal("cvk-p", unchanged.GetProperty("keys").GetProperty("cvv2").GetString());
        Assert.Equal(5, unchanged.GetProperty("lockout").GetProperty("maxFailures").GetInt32());

        var patched = await (await client.PatchJsonAsync(path, new { keys = new { icvv = "cvk-p", dcvv2 = "d2-p" }, cvv2ExpiryFormat = "MMYY" })).ReadJsonAsync();
        Assert.Equal("455555", patched.GetProperty("panPrefix").GetString());
        Assert.Equal("visa", patched.GetProperty("network").GetString());
        Assert.Equal("cvk-p", patched.GetProperty("keys").GetProperty("cvv2").GetString());
        Assert.Equal("cvk-p", patched.GetProperty("keys").GetProperty("icvv").GetString());
        Assert.Equal("d2-p", patched.GetProperty("keys").GetProperty("dcvv2").GetString());
        Assert.Equal("MMYY", patched.GetProperty("cvv2ExpiryFormat").GetString());
        Assert.Equal(60, patched.GetProperty("dcvv2").GetProperty("windowMinutes").GetInt32());
        Assert.Equal(range.GetProperty("createdAt").GetDateTime(), patched.GetProperty("createdAt").GetDateTime());

        var emptied = await (await client.PatchJsonAsync(path, new { keys = new Dictionary<string, string?> { ["icvv"] = null } })).ReadJsonAsync();
        Assert.False(emptied.GetProperty("keys").TryGetProperty("icvv", out var icvv) && icvv.ValueKind != JsonValueKindNull);
        Assert.Equal("cvk-p", emptied.GetProperty("keys").GetProperty("cvv2").GetString());

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditLog.Where(a => a.Action == "card-range.update").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("bootstrap-admin", e.Client));
        Assert.All(entries, e => Assert.Null(e.CardFingerprint));
        Assert.Equal("455555: keys.icvv keys.dcvv2 cvv2ExpiryFormat", entries[0].Reason);
        Assert.Equal("455555: keys.icvv", entries[1].Reason);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Patched_lockout_applies_to_the_next_verification(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("466666", new Dictionary<string, string?> { ["cvv2"] = null });
        var id = (await (await api.Client().GetAsync("/v1/admin/card-ranges")).ReadJsonAsync()).EnumerateArray().Single().GetProperty("id").GetString();
        var pan = await api.CardAsync("466666");
        var cvv2 = (await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync())
            .GetProperty("value").GetString()!;
        var wrong = cvv2[..^1] + (char)('0' + (cvv2[^1] - '0' + 1) % 10);
        object Cvv(string value) => new { pan, expiry = "3012", kind = "cvv2", value };
        var merchant = await api.ClientWithScopesAsync("card:verify");

        Assert.Equal("no_match/value_mismatch", await merchant.VerifyAsync("/v1/cvv/verify", Cvv(wrong))); // the range (maximum 5) is cached now
        await (await api.Client().PatchJsonAsync($"/v1/admin/card-ranges/{id}", new { lockout = new { maxFailures = 2 } })).ReadJsonAsync();
        Assert.Equal("no_match/value_mismatch", await merchant.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal("no_match/card_locked", await merchant.VerifyAsync("/v1/cvv/verify", Cvv(cvv2)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_key_is_retired_only_once_no_range_uses_it(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "cvk-r", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        var range = await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "477777", network = "visa", keys = new { cvv2 = "cvk-r", icvv = "cvk-r" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var pan = await api.CardAsync("477777");
        await (await client.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync(); // the key is cached now

        var problem = await (await client.PostAsync("/v1/admin/keys/cvk-r/retire", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("range 477777 slot cvv2", problem.GetProperty("detail").GetString());
        Assert.Contains("range 477777 slot icvv", problem.GetProperty("detail").GetString());
        await (await client.PostAsync("/v1/admin/keys/none/retire", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync("/v1/admin/keys/system-panfingerprint/retire", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("active", (await (await client.GetAsync("/v1/admin/keys/cvk-r")).ReadJsonAsync()).GetProperty("status").GetString());

        await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{range.GetProperty("id").GetString()}",
            new { keys = new Dictionary<string, string?> { ["cvv2"] = null, ["icvv"] = null } })).ReadJsonAsync();
        var retired = await (await client.PostAsync("/v1/admin/keys/cvk-r/retire", null)).ReadJsonAsync();
        Assert.Equal("retired", retired.GetProperty("status").GetString());
        Assert.Equal("cvk-r", retired.GetProperty("alias").GetString());
        Assert.Equal("retired", (await (await client.PostAsync("/v1/admin/keys/cvk-r/retire", null)).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("retired", (await (await client.GetAsync("/v1/admin/keys/cvk-r")).ReadJsonAsync()).GetProperty("status").GetString());

        // A retired key is refused for a slot at once, though this replica had it cached as active.
        await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{range.GetProperty("id").GetString()}", new { keys = new { cvv2 = "cvk-r" } }))
            .AssertInvalidFieldAsync("keys.cvv2");
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "488888", network = "visa", keys = new { cvv2 = "cvk-r" } }))
            .AssertInvalidFieldAsync("keys.cvv2");

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "key.retire" && a.Reason == "cvk-r"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static Task<(string Id, string Key)> CreateClientAsync(TestApi api, string name, params string[] scopes) =>
        CreateClientUsingAsync(api, TestApi.AdminKey, name, scopes);

    private static async Task<(string Id, string Key)> CreateClientUsingAsync(TestApi api, string adminKey, string name, params string[] scopes)
    {
        var created = await (await api.Client(adminKey).PostJsonAsync("/v1/admin/clients", new { name, scopes })).ReadJsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    /// <summary>Whether the key authenticates: a card:verify key on an admin endpoint answers 403 when it does, 401 when not.</summary>
    private static async Task<bool> WorksAsync(TestApi api, string key) =>
        (await api.Client(key).GetAsync("/v1/admin/keys")).StatusCode switch
        {
            HttpStatusCode.Forbidden => true,
            HttpStatusCode.Unauthorized => false,
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        };

    private static async Task<System.Text.Json.JsonElement> ListedAsync(TestApi api, string id) =>
        (await (await api.Client().GetAsync("/v1/admin/clients")).ReadJsonAsync()).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
}
