using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Concurrent requests through two replicas on one database: one outcome per challenge, one ARes per AReq, one use per value.</summary>
public sealed class ThreeDsConcurrencyTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static async Task RaceAsync(string store, Func<TestApi, TestApi, Task> race)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
        try
        {
            await using var a = await TestApi.StartAsync(store, settings);
            await using var b = await TestApi.StartAsync(store, settings);
            await a.ThreeDsRangesAsync();
            await race(a, b);
        }
        finally
        {
            await drop();
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Twenty_final_CReqs_give_one_outcome_and_one_history_record(string store) => await RaceAsync(store, async (a, b) =>
    {
        var acs = new[] { a.Client(), b.Client() };
        var ares = await acs[0].AReqAsync(ThreeDsSetup.AppAReq(await a.CardholderAsync(), amount: 80000));
        var id = ares.S("acsTransID");
        await (await acs[0].CReqAsync(id, new { })).ReadJsonAsync();
        var code = await a.LastCodeAsync(id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            acs[i % 2].CReqAsync(id, i % 4 == 3 ? new { challengeCancel = "01" } : (object)new { challengeDataEntry = code })));
        var ok = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(ok);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var outcome = (await ok[0].ReadJsonAsync()).S("transStatus");
        Assert.Equal(outcome, (await (await acs[1].GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync()).S("transStatus"));
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ThreeDsHistory.CountAsync(r => r.AcsTransId == Guid.Parse(id)));
        Assert.Equal(outcome == "Y" ? 1 : 0, await db.ThreeDsIssuedValues.CountAsync());
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task Ten_copies_of_one_AReq_get_one_ARes(string store) => await RaceAsync(store, async (a, b) =>
    {
        var acs = new[] { a.Client(), b.Client() };
        var areq = ThreeDsSetup.BrowserAReq(await a.CardholderAsync());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => acs[i % 2].AReqAsync(areq)));
        Assert.Single(answers.Select(r => r.S("acsTransID")).Distinct());
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ThreeDsAuthentications.CountAsync());
        Assert.Equal(1, await db.ThreeDsHistory.CountAsync());
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task A_value_verified_twenty_times_at_once_matches_once(string store) => await RaceAsync(store, async (a, b) =>
    {
        var pan = await a.CardholderAsync();
        var value = (await a.Client().AReqAsync(ThreeDsSetup.BrowserAReq(pan))).S("authenticationValue");
        var clients = new[] { a.Client(), b.Client() };
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value })));
        Assert.Equal(1, results.Count(r => r == Setup.Match));
        Assert.Equal(19, results.Count(r => r == "no_match/already_used"));
    });
}
