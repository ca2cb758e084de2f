using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>The challenge through the app channel's JSON CReq: right code, wrong codes, resends, cancel and time-out.</summary>
public sealed class ThreeDsChallengeTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<(TestApi Api, HttpClient Acs, string AcsTransId)> ChallengeAsync(string store, string network = "visa", string channel = "app")
    {
        var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var pan = await api.CardholderAsync(ThreeDsSetup.Prefix(network));
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var areq = channel == "app" ? AReqs.App(pan, amount: 25000) : AReqs.Browser(pan, amount: 25000);
        var ares = await acs.AReqAsync(areq);
        Assert.Equal("C", ares.S("transStatus"));
        return (api, acs, ares.S("acsTransID"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_right_code_authenticates_with_a_value_and_purges_the_outbox(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store);
        await using var _ = api;
        var opened = await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        Assert.Equal(("CRes", "N", 3, 2), (opened.S("messageType"), opened.S("challengeCompletionInd"),
            opened.GetProperty("attemptsRemaining").GetInt32(), opened.GetProperty("resendsRemaining").GetInt32()));
        Assert.Contains("+*******0177", opened.S("challengeInfoText"));
        var message = (await api.OutboxAsync(id))[0];
        Assert.Equal(("cell_phone", TokenSetup.Phone, "3ds_challenge"), (message.S("channel"), message.S("recipient"), message.S("purpose")));

        var done = await (await acs.CReqAsync(id, new { challengeDataEntry = message.S("code") })).ReadJsonAsync();
        Assert.Equal(("Y", "Y"), (done.S("challengeCompletionInd"), done.S("transStatus")));
        var result = await (await acs.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync();
        Assert.Equal(("Y", "05"), (result.S("transStatus"), result.S("eci")));
        Assert.Equal(28, result.S("authenticationValue").Length);
        Assert.True(result.GetProperty("authenticated").GetBoolean());
        Assert.Equal(0, (await api.OutboxAsync(id)).GetArrayLength());
        await (await acs.CReqAsync(id, new { challengeDataEntry = message.S("code") })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Three_wrong_codes_end_N_19(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store, "mastercard");
        await using var _ = api;
        await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        var code = await api.LastCodeAsync(id);
        foreach (var (completion, remaining) in new[] { ("N", 2), ("N", 1), ("Y", 0) })
        {
            var cres = await (await acs.CReqAsync(id, new { challengeDataEntry = TokenSetup.Wrong(code) })).ReadJsonAsync();
            Assert.Equal((completion, remaining), (cres.S("challengeCompletionInd"), cres.GetProperty("attemptsRemaining").GetInt32()));
        }
        var result = await (await acs.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync();
        Assert.Equal(("N", "19", "00"), (result.S("transStatus"), result.S("transStatusReason"), result.S("eci")));
        Assert.Equal(JsonValueKindNull, result.GetProperty("authenticationValue").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory, MemberData(nameof(Stores))]
    public async Task Resends_are_limited_to_three_sends_and_the_last_code_counts(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store, channel: "browser");
        await using var _ = api;
        await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        await (await acs.CReqAsync(id, new { resendChallenge = "Y" })).ReadJsonAsync();
        var last = await (await acs.CReqAsync(id, new { resendChallenge = "Y" })).ReadJsonAsync();
        Assert.Equal(0, last.GetProperty("resendsRemaining").GetInt32());
        await (await acs.CReqAsync(id, new { resendChallenge = "Y" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, (await api.OutboxAsync(id)).GetArrayLength());
        var done = await (await acs.CReqAsync(id, new { challengeDataEntry = await api.LastCodeAsync(id) })).ReadJsonAsync();
        Assert.Equal("Y", done.S("transStatus"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cancel_ends_N_01(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store);
        await using var _ = api;
        await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        var cres = await (await acs.CReqAsync(id, new { challengeCancel = "01" })).ReadJsonAsync();
        Assert.Equal(("Y", "N"), (cres.S("challengeCompletionInd"), cres.S("transStatus")));
        var result = await (await acs.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync();
        Assert.Equal(("N", "01", "07"), (result.S("transStatus"), result.S("transStatusReason"), result.S("eci")));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_abandoned_challenge_times_out_N_14_after_ten_minutes(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store);
        await using var _ = api;
        await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        var challenges = api.Services.GetRequiredService<ThreeDsChallenges>();
        api.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await challenges.TimeOutDueAsync(default));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await challenges.TimeOutDueAsync(default));
        Assert.Equal(0, await challenges.TimeOutDueAsync(default));
        var result = await (await acs.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync();
        Assert.Equal(("N", "14"), (result.S("transStatus"), result.S("transStatusReason")));
        await (await acs.CReqAsync(id, new { challengeDataEntry = "123456" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_step_after_the_time_is_over_ends_the_challenge_N_14(string store)
    {
        var (api, acs, id) = await ChallengeAsync(store);
        await using var _ = api;
        await (await acs.CReqAsync(id, new { })).ReadJsonAsync();
        var code = await api.LastCodeAsync(id);
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        var cres = await (await acs.CReqAsync(id, new { challengeDataEntry = code })).ReadJsonAsync();
        Assert.Equal(("Y", "N"), (cres.S("challengeCompletionInd"), cres.S("transStatus")));
        Assert.Equal("14", (await (await acs.GetAsync($"/v1/3ds/authentications/{id}")).ReadJsonAsync()).S("transStatusReason"));
    }
}
