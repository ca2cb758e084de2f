using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Concurrent requests through two replicas on one database: one outcome per challenge, one ARes per AReq, one use per value.</summary>
public sealed class ThreeDsConcurrencyTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static Task RaceAsync(string store, Func<TestApi, TestApi, Task> race) =>
        TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.ThreeDsRangesAsync();
            await race(a, b);
        });

    [Theory, MemberData(nameof(Stores))]
    public async Task Twenty_final_CReqs_give_one_outcome_and_one_history_record(string store) => await RaceAsync(store, async (a, b) =>
    {
        var acs = new[] { a.Client(), b.Client() };
        var ares = await acs[0].AReqAsync(AReqs.App(await a.CardholderAsync(), amount: 80000));
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
        var areq = AReqs.Browser(await a.CardholderAsync());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => acs[i % 2].AReqAsync(areq)));
        Assert.Single(answers.Select(r => (r.S("acsTransID"), r.S("transStatus"), r.S("eci"), r.S("authenticationValue"))).Distinct());
        Assert.Equal("Y", answers[0].S("transStatus"));
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ThreeDsAuthentications.CountAsync());
        Assert.Equal(1, await db.ThreeDsHistory.CountAsync());
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task Two_different_AReqs_with_one_id_at_once_one_is_answered_the_other_409(string store) => await RaceAsync(store, async (a, b) =>
    {
        var acs = new[] { a.Client(), b.Client() };
        var first = AReqs.Browser(await a.CardholderAsync());
        var other = first.DeepClone().AsObject();
        other["merchantName"] = "Another Merchant";
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => acs[i % 2].PostJsonAsync("/v1/3ds/authentications", i % 2 == 0 ? first : other)));
        // Whichever came first is answered, with its copies; the other AReq and its copies get 409.
        var answered = Enumerable.Range(0, 10).Where(i => responses[i].StatusCode == HttpStatusCode.OK).Select(i => i % 2).Distinct().ToList();
        Assert.Single(answered);
        Assert.All(Enumerable.Range(0, 10).Where(i => i % 2 != answered[0]), i => Assert.Equal(HttpStatusCode.Conflict, responses[i].StatusCode));
        var ids = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.OK).Select(async r => (await r.ReadJsonAsync()).S("acsTransID")));
        Assert.Single(ids.Distinct());
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ThreeDsHistory.CountAsync());
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task Forty_AReqs_at_once_through_two_replicas_leave_intact_chains(string store) => await RaceAsync(store, async (a, b) =>
    {
        var acs = new[] { a.Client(), b.Client() };
        var pans = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => a.CardholderAsync()));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => acs[i % 2].AReqAsync(AReqs.Browser(pans[i % 4]))));
        var integrity = await (await (await a.ClientWithScopesAsync("3ds:history")).GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(40, integrity.GetProperty("records").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, integrity.GetProperty("firstBroken").ValueKind);
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task New_AReqs_batched_with_replays_are_each_written_once(string store) => await RaceAsync(store, async (a, b) =>
    {
        // Group commits mix new AReqs with copies of an answered one: each copy gets the first ARes, each new one its own
        // authentication, value and history record, in the batch's order.
        var acs = new[] { a.Client(), b.Client() };
        var pans = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => a.CardholderAsync()));
        var answered = AReqs.Browser(pans[0]);
        var first = (await acs[0].AReqAsync(answered)).S("acsTransID");
        var fresh = Enumerable.Range(0, 30).Select(i => acs[i % 2].AReqAsync(AReqs.Browser(pans[i % 4])));
        var replays = Enumerable.Range(0, 30).Select(i => acs[i % 2].AReqAsync(answered));
        var answers = await Task.WhenAll(fresh.Zip(replays).SelectMany(pair => new[] { pair.First, pair.Second }));
        Assert.All(answers.Where((_, i) => i % 2 == 1), r => Assert.Equal(first, r.S("acsTransID")));
        Assert.Equal(30, answers.Where((_, i) => i % 2 == 0).Select(r => r.S("acsTransID")).Distinct().Count(id => id != first));
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal((31, 31, 31), (await db.ThreeDsAuthentications.CountAsync(), await db.ThreeDsHistory.CountAsync(), await db.ThreeDsIssuedValues.CountAsync()));
        var integrity = await (await (await a.ClientWithScopesAsync("3ds:history")).GetAsync("/v1/3ds/history/integrity")).ReadJsonAsync();
        Assert.Equal(31, integrity.GetProperty("records").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, integrity.GetProperty("firstBroken").ValueKind);
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task A_value_verified_twenty_times_at_once_matches_once(string store) => await RaceAsync(store, async (a, b) =>
    {
        var pan = await a.CardholderAsync();
        var value = (await a.Client().AReqAsync(AReqs.Browser(pan))).S("authenticationValue");
        var clients = new[] { a.Client(), b.Client() };
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value })));
        Assert.Equal(1, results.Count(r => r == Setup.Match));
        Assert.Equal(19, results.Count(r => r == "no_match/already_used"));
    });

    /// <summary>
    /// Two authentications may issue one value (an AAV carries a random 32-bit sequence number): with the number fixed, eight
    /// AReqs of one card at once through both replicas all get their ARes and history record, and ten verifications at once
    /// match once per authentication.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task Authentications_issuing_the_same_value_are_all_answered_and_each_verifies_once(string store) =>
        await TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.ThreeDsRangesAsync();
            var pan = await a.CardholderAsync(ThreeDsSetup.Prefix("mastercard"));
            var clients = new[] { a.Client(), b.Client() };
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => clients[i % 2].AReqAsync(AReqs.Browser(pan))));
            Assert.All(answers, answer => Assert.Equal("Y", answer.S("transStatus")));
            var value = Assert.Single(answers.Select(answer => answer.S("authenticationValue")).Distinct());
            var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                clients[i % 2].VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value })));
            Assert.Equal(8, results.Count(r => r == Setup.Match));
            Assert.Equal(2, results.Count(r => r == "no_match/already_used"));
            await using var db = await a.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
            Assert.Equal(8, await db.ThreeDsHistory.CountAsync());
        }, services: services =>
        {
            var provider = services.Last(d => d.ServiceType == typeof(IThreeDSecureValues));
            services.Remove(provider);
            services.AddSingleton<IThreeDSecureValues>(s => new OneSequenceNumber((IThreeDSecureValues)provider.ImplementationFactory!(s)));
        });

    private sealed class OneSequenceNumber(IThreeDSecureValues inner) : IThreeDSecureValues
    {
        public byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input) => inner.VisaCavv(cavvKey, input);

        public byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input) => inner.MastercardAav(aavKey, input with { TransactionSequenceNumber = 7 });
    }
}
