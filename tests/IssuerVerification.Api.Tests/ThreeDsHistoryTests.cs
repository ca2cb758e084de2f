using System.Net;
using System.Net.Http.Headers;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.ThreeDSecure;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>The authentication history: one record per outcome with its trace, filters, paging, CSV, integrity and retention.</summary>
public sealed class ThreeDsHistoryTests
{
    public static TheoryData<string> Stores => TestStores.All;

    /// <summary>Visa Y, Visa N/13, Mastercard R/12, Mastercard C then Y through the challenge: four records in that order.</summary>
    private static async Task<(TestApi Api, HttpClient History, string[] Ids, string[] Pans)> FourAsync(string store)
    {
        var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pans = new[] { await api.CardholderAsync(), TestPans.Random("444433"), await api.CardholderAsync("539269", status: "blocked"), await api.CardholderAsync("539269") };
        var ids = new List<string>();
        foreach (var (pan, i) in pans.Select((p, i) => (p, i)))
        {
            ids.Add((await acs.AReqAsync(AReqs.Browser(pan, amount: i == 3 ? 9000 : 1999))).S("acsTransID"));
            api.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await (await acs.CReqAsync(ids[3], new { })).ReadJsonAsync();
        await (await acs.CReqAsync(ids[3], new { challengeDataEntry = await api.LastCodeAsync(ids[3]) })).ReadJsonAsync();
        return (api, await api.ClientWithScopesAsync("3ds:history"), [.. ids], pans);
    }

    private static async Task<string[]> IdsAsync(HttpClient history, string query) =>
        [.. (await (await history.GetAsync("/v1/3ds/history" + query)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.S("acsTransID"))];

    [Theory, MemberData(nameof(Stores))]
    public async Task Filters_and_paging_select_the_records(string store)
    {
        var (api, history, ids, pans) = await FourAsync(store);
        await using var _ = api;
        var all = await (await history.GetAsync("/v1/3ds/history")).ReadJsonAsync();
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(ids.Reverse(), all.GetProperty("items").EnumerateArray().Select(i => i.S("acsTransID")));
        var first = all.GetProperty("items")[3];
        Assert.Equal((pans[0][..6] + "******" + pans[0][^4..], "Y", "05", 1999, "978", "Example Shop"),
            (first.S("maskedPan"), first.S("transStatus"), first.S("eci"), first.GetProperty("amount").GetInt32(), first.S("currency"), first.S("merchantName")));

        Assert.Equal([ids[3], ids[0]], await IdsAsync(history, "?transStatus=Y"));
        Assert.Equal([ids[3], ids[2]], await IdsAsync(history, "?bin=539269"));
        Assert.Equal([ids[1]], await IdsAsync(history, $"?bin=444433&last4={pans[1][^4..]}"));
        var start = new DateTime(2026, 11, 21, 10, 1, 0, DateTimeKind.Utc);
        Assert.Equal([ids[2], ids[1]], await IdsAsync(history, $"?from={start:O}&to={start.AddMinutes(2):O}"));
        Assert.Equal([ids[1], ids[0]], await IdsAsync(history, "?page=2&pageSize=2"));
        Assert.Empty(await IdsAsync(history, "?page=3&pageSize=2"));
        foreach (var bad in new[] { "?pageSize=201", "?pageSize=0", "?page=0", "?bin=4444", "?last4=12a4", "?transStatus=C" })
        {
            await (await history.GetAsync("/v1/3ds/history" + bad)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }
        await (await (await api.ClientWithScopesAsync("3ds:acs")).GetAsync("/v1/3ds/history")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Csv_exports_the_same_rows(string store)
    {
        var (api, history, ids, _) = await FourAsync(store);
        await using var __ = api;
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/3ds/history?bin=539269");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await history.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("acsTransID,maskedPan,transStatus,transStatusReason,eci,amount,currency,exponent,merchantName,deviceChannel,messageCategory,createdAt,completedAt", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{ids[3]},539269******", lines[1]);
        Assert.Contains(",Y,,02,9000,978,2,Example Shop,02,01,2026-11-21T10:03:00Z,", lines[1]);
        Assert.Contains(",R,12,00,1999,978,2,Example Shop,02,01,2026-11-21T10:02:00Z,2026-11-21T10:02:00Z", lines[2]);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_record_has_its_trace_without_pan_code_or_value(string store)
    {
        var (api, history, ids, pans) = await FourAsync(store);
        await using var _ = api;
        var record = await (await history.GetAsync($"/v1/3ds/history/{ids[3]}")).ReadJsonAsync();
        Assert.Equal(("Y", "mastercard"), (record.GetProperty("record").S("transStatus"), record.S("network")));
        var trace = record.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(["AReq", "ARes", "CReq", "CRes", "CReq", "CRes", "Result"], trace.Select(m => m.S("type")));
        Assert.Equal(pans[3][..6] + "******" + pans[3][^4..], trace[0].GetProperty("fields").S("acctNumber"));
        Assert.Contains("browserUserAgent", trace[0].GetProperty("fields").S("otherElements"));
        Assert.Equal("C", trace[1].GetProperty("fields").S("transStatus"));
        Assert.Equal("Y", trace[6].GetProperty("fields").S("transStatus"));
        var text = record.GetRawText();
        Assert.DoesNotContain(pans[3], text);
        Assert.DoesNotContain("Mozilla", text);
        Assert.DoesNotContain("authenticationValue", text);
        await (await history.GetAsync($"/v1/3ds/history/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_retention_job_removes_expired_authentications_and_the_chain_still_verifies(string store)
    {
        var (api, history, ids, _) = await FourAsync(store);
        await using var _ = api;
        api.Clock.Advance(TimeSpan.FromDays(729));
        var kept = await api.Services.GetRequiredService<IssuerVerification.Api.Retention.RetentionJob>().RunAsync(default);
        Assert.Equal(0, kept["ThreeDsHistory"]);

        api.Clock.Advance(TimeSpan.FromDays(2));
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var fresh = (await acs.AReqAsync(AReqs.Browser(await api.CardholderAsync()))).S("acsTransID");
        var removed = await api.Services.GetRequiredService<IssuerVerification.Api.Retention.RetentionJob>().RunAsync(default);

        Assert.Equal(4, removed["ThreeDsHistory"]);
        Assert.Equal(4, removed["ThreeDsAuthentications"]);
        Assert.Equal([fresh], await IdsAsync(history, ""));
        await (await history.GetAsync($"/v1/3ds/history/{ids[0]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var integrity = await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(1, integrity.GetProperty("records").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, integrity.GetProperty("firstBroken").ValueKind);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Integrity_names_the_record_changed_in_the_database(string store)
    {
        var (api, history, ids, _) = await FourAsync(store);
        await using var _ = api;
        var intact = await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(4, intact.GetProperty("records").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, intact.GetProperty("firstBroken").ValueKind);

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        var changed = Guid.Parse(ids[1]);
        await db.ThreeDsHistory.Where(r => r.AcsTransId == changed).ExecuteUpdateAsync(s => s.SetProperty(r => r.TransStatus, "Y"));
        var broken = await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(ids[1], broken.S("firstBroken"));

        await db.ThreeDsHistory.Where(r => r.AcsTransId == changed).ExecuteUpdateAsync(s => s.SetProperty(r => r.TransStatus, "N"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync()).GetProperty("firstBroken").ValueKind);
        var deleted = Guid.Parse(ids[0]);
        await db.ThreeDsHistory.Where(r => r.AcsTransId == deleted).ExecuteDeleteAsync();
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync()).GetProperty("firstBroken").ValueKind);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_purge_keeps_a_checkpoint_and_the_rest_verifies(string store)
    {
        var (api, history, ids, _) = await FourAsync(store);
        await using var _ = api;
        var service = api.Services.GetRequiredService<ThreeDsHistory>();
        Assert.Equal(2, await service.PurgeBeforeAsync(new DateTime(2026, 11, 21, 10, 2, 0, DateTimeKind.Utc), batchSize: 1, default));
        Assert.Equal([ids[3], ids[2]], await IdsAsync(history, ""));
        var check = await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(2, check.GetProperty("records").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, check.GetProperty("firstBroken").ValueKind);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.ThreeDsHistoryCheckpoints.ToListAsync());
        Assert.Equal(0, await service.PurgeBeforeAsync(new DateTime(2026, 11, 21, 10, 2, 0, DateTimeKind.Utc), 100, default));

        var kept = Guid.Parse(ids[2]);
        await db.ThreeDsHistory.Where(r => r.AcsTransId == kept).ExecuteUpdateAsync(s => s.SetProperty(r => r.MerchantName, "Other"));
        Assert.Equal(ids[2], (await (await history.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync()).S("firstBroken"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Chains_stay_intact_with_two_replicas_writing_at_once(string store)
    {
        await TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.ThreeDsRangesAsync();
            var pans = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                pans.Add(await a.CardholderAsync(i % 2 == 0 ? "444433" : "539269"));
            }
            var clients = new[] { a.Client(), b.Client() };
            await Task.WhenAll(Enumerable.Range(0, 60).Select(i => clients[i % 2].AReqAsync(AReqs.Browser(pans[i % pans.Count]))));
            var check = await (await b.Client().GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
            Assert.Equal(60, check.GetProperty("records").GetInt32());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, check.GetProperty("firstBroken").ValueKind);
        });
    }
}
