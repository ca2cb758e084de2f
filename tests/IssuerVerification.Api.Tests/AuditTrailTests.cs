using System.Net;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>What the audit trail records through the API, how it is listed, and its integrity check (docs/audit.md).</summary>
public sealed class AuditTrailTests
{
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";
    private const string WrongKey = "ivk_WrongKeyWrongKeyWrongKeyWrongKeyWrongKey0";

    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Every_event_is_recorded_with_request_and_source_and_no_secret(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var secrets = await RunEveryEventAsync(api);

        var records = (await (await api.Client().GetAsync("/v1/admin/audit?limit=500")).ReadJsonAsync()).GetProperty("records").EnumerateArray().ToList();
        string[] expected =
        [
            "CreateKey/changed", "CreateCardRange/changed", "card-range.update/changed", "RegisterCard/changed", "UpdateCard/changed",
            "CreateClient/changed", "idempotent-replay/replayed", "client.rotate-key/changed", "client.revoke/changed", "key.retire/changed",
            "RewrapKeys/changed", "RetireKey/refused", "cvv2.generate/generated", "cvv2.verify/match", "cvv2.verify/no_match",
            "lockout/locked", "lockout/unlocked", "authenticate/refused", "authorize/refused",
        ];
        var seen = records.Select(r => $"{r.GetProperty("action").GetString()}/{r.GetProperty("outcome").GetString()}").ToHashSet();
        Assert.Empty(expected.Except(seen));
        Assert.All(records, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("requestId").GetString()), r.ToString());
            Assert.Equal(TestApi.Source.ToString(), r.GetProperty("source").GetString());
        });
        var authentication = records.Where(r => r.GetProperty("action").GetString() == "authenticate").Select(r => r.GetProperty("reason").GetString()).ToList();
        Assert.Contains("no_key", authentication);
        Assert.Contains("unknown_key ivk_Wron…", authentication);

        // No key, value, API key or PAN in any column of the audit table.
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var columns = (await StoreInspection.AllColumnsAsync(api)).Where(c => c.Column.StartsWith("AuditLog.", StringComparison.Ordinal));
        foreach (var (column, value) in columns)
        {
            var text = value is byte[] bytes ? Convert.ToHexString(bytes) : value.ToString() ?? "";
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }

        var integrity = await (await api.Client().GetAsync("/v1/admin/audit/integrity")).ReadJsonAsync();
        Assert.True(integrity.GetProperty("intact").GetBoolean(), integrity.ToString());
        Assert.Equal(1, integrity.GetProperty("chains").GetInt32());
        Assert.Equal(await db.AuditLog.CountAsync(), integrity.GetProperty("records").GetInt64());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Integrity_names_a_record_changed_in_the_database(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = Cvk });
        await api.RegisterCardAsync(TestPans.Random("444433"));
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var victim = await db.AuditLog.OrderBy(e => e.Id).Skip(1).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Client\" = 'someone-else' WHERE \"Id\" = {victim.Id}");

        var integrity = await (await api.Client().GetAsync("/v1/admin/audit/integrity")).ReadJsonAsync();
        Assert.False(integrity.GetProperty("intact").GetBoolean());
        Assert.Equal(victim.Id, integrity.GetProperty("firstBroken").GetProperty("id").GetInt64());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Records_are_listed_newest_first_filtered_and_paged(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        for (var i = 0; i < 5; i++)
        {
            await (await api.Client().PostJsonAsync("/v1/admin/keys", new { alias = $"paged-{i}", usage = "cvk" })).ReadJsonAsync(HttpStatusCode.Created);
            await api.Client("not-a-key").GetAsync("/v1/admin/keys");
        }
        var ids = new List<long>();
        string? next = "/v1/admin/audit?action=CreateKey&limit=2";
        while (next is not null)
        {
            var page = await (await api.Client().GetAsync(next)).ReadJsonAsync();
            var records = page.GetProperty("records").EnumerateArray().ToList();
            Assert.All(records, r => Assert.Equal("CreateKey", r.GetProperty("action").GetString()));
            ids.AddRange(records.Select(r => r.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
            Assert.True(ids.Count <= 6, "the last page has no next link");
        }
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        var target = await (await api.Client().GetAsync("/v1/admin/audit?target=/v1/admin/keys/paged-3")).ReadJsonAsync();
        Assert.Equal("paged-3", Assert.Single(target.GetProperty("records").EnumerateArray()).GetProperty("target").GetString()![^7..]);
        Assert.Empty((await (await api.Client().GetAsync("/v1/admin/audit?to=2026-11-21T09:59:00Z")).ReadJsonAsync()).GetProperty("records").EnumerateArray());
        Assert.NotEmpty((await (await api.Client().GetAsync("/v1/admin/audit?from=2026-11-21T09:59:00Z&to=2026-11-21T10:01:00Z")).ReadJsonAsync()).GetProperty("records").EnumerateArray());
        await (await api.Client().GetAsync("/v1/admin/audit?limit=0")).AssertInvalidFieldAsync("limit");
        await (await api.Client().GetAsync("/v1/admin/audit?card=xyz")).AssertInvalidFieldAsync("card");
    }

    /// <summary>One of each audited event; returns the secrets the requests carried.</summary>
    private static async Task<string[]> RunEveryEventAsync(TestApi api)
    {
        var admin = api.Client();
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = Cvk, ["cvv1"] = null }, new { lockout = new { maxFailures = 1, lockMinutes = 5 } });
        var rangeId = (await (await admin.GetAsync("/v1/admin/card-ranges")).ReadJsonAsync())[0].GetProperty("id").GetString();
        await (await admin.PatchJsonAsync($"/v1/admin/card-ranges/{rangeId}", new { lockout = new { maxFailures = 1, lockMinutes = 5 } })).ReadJsonAsync();
        var pan = TestPans.Random("444433");
        var cardId = await api.RegisterCardAsync(pan);
        await (await admin.PatchJsonAsync($"/v1/admin/cards/{cardId}", new { status = "blocked" })).ReadJsonAsync();
        await (await admin.PatchJsonAsync($"/v1/admin/cards/{cardId}", new { status = "active" })).ReadJsonAsync();

        var create = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/clients") { Content = JsonContent(new { name = "verifier", scopes = new[] { "card:verify" } }) };
        create.Headers.Add("Idempotency-Key", "audit-client");
        var created = await (await admin.SendAsync(create)).ReadJsonAsync(HttpStatusCode.Created);
        var replay = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/clients") { Content = JsonContent(new { name = "verifier", scopes = new[] { "card:verify" } }) };
        replay.Headers.Add("Idempotency-Key", "audit-client");
        await (await admin.SendAsync(replay)).ReadJsonAsync(HttpStatusCode.Created);
        var verifierKey = created.GetProperty("apiKey").GetString()!;
        var verifierId = created.GetProperty("id").GetString();
        await api.Client(verifierKey).GetAsync("/v1/admin/keys"); // 403
        await api.Client(WrongKey).GetAsync("/v1/admin/keys"); // 401, unknown key
        await api.Client(null).GetAsync("/v1/admin/keys"); // 401, no key
        var rotated = await (await admin.PostJsonAsync($"/v1/admin/clients/{verifierId}/rotate-key", new { graceMinutes = 0 })).ReadJsonAsync();
        await (await admin.PostAsync($"/v1/admin/clients/{verifierId}/revoke", null)).ReadJsonAsync();

        await (await admin.PostJsonAsync("/v1/admin/keys", new { alias = "spare", usage = "cvk" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/v1/admin/keys/spare/retire", null)).ReadJsonAsync();
        await (await admin.PostAsync("/v1/admin/keys/missing/retire", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync("/v1/admin/keys/rewrap", null)).ReadJsonAsync();

        var value = (await (await admin.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).GetProperty("value").GetString()!;
        Assert.Equal(Setup.Match, await admin.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value }));
        var wrong = value == "000" ? "001" : "000";
        Assert.Equal("no_match/value_mismatch", await admin.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = wrong })); // locks
        Assert.Equal("no_match/card_locked", await admin.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value }));
        api.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(Setup.Match, await admin.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value })); // the lock ended

        return [pan, pan[6..^1], Cvk, TestApi.AdminKey, WrongKey, verifierKey, rotated.GetProperty("apiKey").GetString()!, TestApi.MasterKey];
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, TestApi.Json), System.Text.Encoding.UTF8, "application/json");
}
