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

    /// <summary>Sends <paramref name="count"/> requests at once, alternating between the processes; every status and body.</summary>
    private static async Task<(HttpStatusCode Status, string Body)[]> RaceAsync(ApiProcess[] apis, string key, int count, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = apis.Select(a => a.Client(key)).ToArray();
        try
        {
            return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                using var response = await send(clients[i % clients.Length], i);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }));
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }
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
        var answers = await RaceAsync(apis, key, Parallel, (client, _) => client.PostJsonAsync("/v1/3ds/authentications", areq));
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} × {g.Count()}")));

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
        var answers = await RaceAsync(apis, key, Parallel, (client, i) => client.PostJsonAsync($"/v1/3ds/authentications/{id}/challenge",
            i % 4 == 3 ? new { challengeCancel = "01" } : (object)new { challengeDataEntry = code }));
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{(int)g.Key} × {g.Count()}")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Equal(Parallel - 1, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        var outcome = JsonDocument.Parse(answers.Single(a => a.Status == HttpStatusCode.OK).Body).RootElement.Text("transStatus");
        using var other = apis[1].Client(key);
        Assert.Equal(outcome, (await (await other.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync()).Text("transStatus"));
        Assert.Equal(before + 1, await HistoryRecordsAsync(apis[1], key));
    }
}
