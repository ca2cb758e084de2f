using System.Net;
using System.Text.Json;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// 3-D Secure messages raced through two API processes on one database: copies of one AReq get one ARes and one history
/// record; twenty final CReqs of one challenge give one outcome.
/// </summary>
public sealed class ThreeDsRaceTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Parallel = 20;
    private const string CavvKey = "0123456789ABCDEFFEDCBA9876543210";

    public static TheoryData<string> All => Stores.All;

    /// <summary>Visa range 444433 with a CAVV key and the default 3-D Secure settings (frictionless up to 5000 minor units).</summary>
    private static async Task VisaRangeAsync(ApiProcess api)
    {
        using var client = api.Client();
        var alias = $"cavv-{Guid.NewGuid():N}";
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias, usage = "CAVV", algorithm = "TDES_2KEY", components = new[] { CavvKey } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "444433", network = "visa", keys = new { cavv = alias } }))
            .ReadJsonAsync(HttpStatusCode.Created);
    }

    private async Task<(ApiProcess[] Apis, string Key, string Pan)> CardAsync(string store)
    {
        var apis = await fixture.SharedApisAsync(store, 2, VisaRangeAsync);
        var pan = TestPans.Random("444433");
        using var admin = apis[0].Client();
        await (await admin.PostJsonAsync("/v1/admin/cards", new { pan, expiry = "3012", cardholder = new { phone = "+15555550100" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return (apis, await apis[0].ClientKeyAsync("3ds:acs", "3ds:history"), pan);
    }

    private static async Task<int> HistoryRecordsAsync(ApiProcess api, string key)
    {
        using var client = api.Client(key);
        var integrity = await (await client.GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, integrity.GetProperty("firstBroken").ValueKind);
        return integrity.GetProperty("records").GetInt32();
    }

    [Theory, MemberData(nameof(All))]
    public async Task Copies_of_one_AReq_get_one_ARes_and_one_history_record(string store)
    {
        var (apis, key, pan) = await CardAsync(store);
        var before = await HistoryRecordsAsync(apis[0], key);
        var areq = AReqs.App(pan, 1999);
        var answers = await Race.SendAsync(apis, key, Parallel, (client, _) => client.PostJsonAsync("/v1/3ds/authentications", areq));
        output.WriteLine(Race.Summary(answers));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var ares = answers.Select(a => JsonDocument.Parse(a.Body).RootElement)
            .Select(j => (j.Text("acsTransID"), j.Text("transStatus"), j.Text("eci"), j.Text("authenticationValue"))).Distinct().ToList();
        Assert.Single(ares);
        Assert.Equal("Y", ares[0].Item2);
        Assert.Equal(before + 1, await HistoryRecordsAsync(apis[1], key));
    }

    [Theory, MemberData(nameof(All))]
    public async Task Twenty_final_CReqs_of_one_challenge_give_one_outcome(string store)
    {
        var (apis, key, pan) = await CardAsync(store);
        using var acs = apis[0].Client(key);
        var ares = await (await acs.PostJsonAsync("/v1/3ds/authentications", AReqs.App(pan, 80000))).ReadJsonAsync();
        Assert.Equal("C", ares.Text("transStatus"));
        var id = ares.Text("acsTransID");
        await (await acs.PostJsonAsync($"/v1/3ds/authentications/{id}/challenge", new { })).ReadJsonAsync();
        using var admin = apis[0].Client();
        var code = (await (await admin.GetAsync($"/v1/admin/outbox?reference={id}")).ReadJsonAsync()).EnumerateArray().Single().Text("code");
        var before = await HistoryRecordsAsync(apis[0], key);

        // A quarter of them cancel: whichever CReq is first decides, the others get 409.
        var answers = await Race.SendAsync(apis, key, Parallel, (client, i) => client.PostJsonAsync($"/v1/3ds/authentications/{id}/challenge",
            i % 4 == 3 ? new { challengeCancel = "01" } : (object)new { challengeDataEntry = code }));
        output.WriteLine(Race.Summary(answers));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(Parallel - 1, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        var outcome = JsonDocument.Parse(answers.Single(a => a.Status == HttpStatusCode.OK).Body).RootElement.Text("transStatus");
        using var other = apis[1].Client(key);
        Assert.Equal(outcome, (await (await other.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync()).Text("transStatus"));
        Assert.Equal(before + 1, await HistoryRecordsAsync(apis[1], key));
    }
}
