using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Every ARes decision row with its ECI for both networks and both channels, on complete AReqs; the authentication values.</summary>
public sealed class ThreeDsAuthenticationTests
{
    public static TheoryData<string, string, string> StoresNetworksChannels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var store in TestStores.PostgresConnectionString is null ? [TestStores.Sqlite] : new[] { TestStores.Sqlite, TestStores.Postgres })
        {
            foreach (var network in new[] { "visa", "mastercard" })
            {
                foreach (var channel in new[] { "browser", "app" })
                {
                    data.Add(store, network, channel);
                }
            }
        }
        return data;
    }

    private static JsonObject AReq(string channel, string pan, long? amount = 1999, string version = "2.2.0", string category = "01") =>
        channel == "app" ? AReqs.App(pan, amount, version, category) : AReqs.Browser(pan, amount, version, category);

    private static string Eci(string network, string status) => (network, status) switch
    {
        ("visa", "Y") => "05",
        ("visa", "A") => "06",
        ("visa", _) => "07",
        (_, "Y") => "02",
        (_, "A") => "01",
        _ => "00",
    };

    private static void AssertAres(JsonElement ares, string network, string status, string? reason)
    {
        Assert.Equal(("ARes", status), (ares.S("messageType"), ares.S("transStatus")));
        Assert.Equal(reason, ares.Optional("transStatusReason"));
        Assert.Equal(status == "C" ? null : Eci(network, status), ares.Optional("eci"));
        Assert.Equal(status is "Y" or "A", ares.Optional("authenticationValue") is { Length: 28 });
        Assert.Equal(status == "Y", ares.GetProperty("authenticated").GetBoolean());
        Assert.Equal(status is "Y" or "A", ares.GetProperty("liabilityShift").GetBoolean());
    }

    [Theory, MemberData(nameof(StoresNetworksChannels))]
    public async Task Each_decision_row_with_its_eci(string store, string network, string channel)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var prefix = ThreeDsSetup.Prefix(network);

        var frictionless = await acs.AReqAsync(AReq(channel, await api.CardholderAsync(prefix)));
        AssertAres(frictionless, network, "Y", null);
        Assert.Equal(JsonValueKind.Undefined, frictionless.TryGetProperty("acsURL", out var u) ? u.ValueKind : JsonValueKind.Undefined);

        AssertAres(await acs.AReqAsync(AReq(channel, TestPans.Random(prefix))), network, "N", "13");
        AssertAres(await acs.AReqAsync(AReq(channel, await api.CardholderAsync(prefix, status: "blocked"))), network, "R", "12");
        AssertAres(await acs.AReqAsync(AReq(channel, await api.CardholderAsync(prefix, status: "stolen"))), network, "R", "10");
        AssertAres(await acs.AReqAsync(AReq(channel, await LockedCardAsync(api, prefix))), network, "N", "11");

        var challenge = await acs.AReqAsync(AReq(channel, await api.CardholderAsync(prefix), amount: 5001));
        AssertAres(challenge, network, "C", null);
        Assert.Equal(("N", "02"), (challenge.S("acsChallengeMandated"), challenge.S("authenticationType")));
        Assert.Equal(channel == "browser" ? $"http://localhost/3ds/challenge" : null, challenge.Optional("acsURL"));

        var mandated = AReq(channel, await api.CardholderAsync(prefix), amount: 100);
        mandated["threeDSRequestorChallengeInd"] = "04";
        AssertAres(await acs.AReqAsync(mandated), network, "C", null);

        var noContact = await api.CardholderAsync(prefix, bankApp: false, phone: null, email: null);
        AssertAres(await acs.AReqAsync(AReq(channel, noContact, amount: 900000)), network, "A", null);
        AssertAres(await acs.AReqAsync(AReq(channel, await api.CardholderAsync(prefix), amount: 5000)), network, "Y", null);
    }

    private static async Task<string> LockedCardAsync(TestApi api, string prefix)
    {
        var pan = await api.CardholderAsync(prefix);
        var fingerprint = await api.Services.GetRequiredService<PanProtector>().FingerprintAsync(Pan.Parse(pan), default);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        db.CardLockouts.Add(new CardLockout { CardFingerprint = fingerprint, ConsecutiveFailures = 5, LockedUntil = api.Clock.GetUtcNow().UtcDateTime.AddMinutes(30) });
        await db.SaveChangesAsync();
        return pan;
    }

    [Theory, MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task Non_payment_and_2_3_1_AReqs_are_answered(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        foreach (var channel in new[] { "browser", "app" })
        {
            var nonPayment = AReq(channel, await api.CardholderAsync(), amount: null, category: "02");
            Assert.False(nonPayment.ContainsKey("purchaseAmount"));
            AssertAres(await acs.AReqAsync(nonPayment), "visa", "Y", null);
            var v231 = await acs.AReqAsync(AReq(channel, await api.CardholderAsync("539269"), version: "2.3.1"));
            AssertAres(v231, "mastercard", "Y", null);
            Assert.Equal("2.3.1", v231.S("messageVersion"));
        }
    }

    [Theory, MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task The_visa_cavv_is_the_algorithm_s_under_the_range_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pan = await api.CardholderAsync();
        var ares = await acs.AReqAsync(AReq("browser", pan));
        var cavv = Convert.FromBase64String(ares.S("authenticationValue"));
        Assert.Equal([0x00, 0x97, 0x01], cavv[..3]); // Y, frictionless, key indicator 01
        var atn = Convert.ToHexString(cavv[7..15]);
        Assert.Equal(atn[12..], Convert.ToHexString(cavv[5..7]));
        var range = await api.Services.GetRequiredService<CardRanges>().ForAsync(Pan.Parse(pan), default);
        var key = await api.Services.GetRequiredService<KeyRing>().HandleAsync(range.Keys, KeySlot.Cavv, default);
        var expected = api.Services.GetRequiredService<IThreeDSecureValues>().VisaCavv(key,
            new VisaCavvInput(pan, atn, '0', "97", "01", 0x70, new byte[4]));
        Assert.Equal(expected, cavv);
    }

    [Theory, MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task The_mastercard_aav_is_spa_hmac_sha1_under_the_range_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pan = await api.CardholderAsync("539269", phone: null, email: null);
        var attempts = Convert.FromBase64String((await acs.AReqAsync(AReq("app", pan, amount: 10000))).S("authenticationValue"));
        Assert.Equal(0x86, attempts[0]);
#pragma warning disable CA5350 // SHA-1 and HMAC-SHA1 are what the Mastercard SPA AAV is made of
        Assert.Equal(SHA1.HashData("Example Shop"u8.ToArray())[..8], attempts[1..9]);
        // MAC = leftmost 5 bytes of HMAC-SHA1(key, PAN packed and padded with F to 10 bytes ‖ AAV[0..15]) (algorithms §6).
        var panf = Convert.FromHexString(pan.PadRight(20, 'F'));
        var mac = HMACSHA1.HashData(Convert.FromHexString(ThreeDsSetup.AavKey), (byte[])[.. panf, .. attempts[..15]]);
#pragma warning restore CA5350
        Assert.Equal(mac[..5], attempts[15..]);
    }

    [Theory, MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task The_same_AReq_again_gets_the_first_ARes_another_one_409(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var areq = AReq("browser", await api.CardholderAsync());
        var first = await acs.AReqAsync(areq);
        var again = await acs.AReqAsync(areq);
        Assert.Equal(first.GetRawText(), again.GetRawText());
        areq["purchaseAmount"] = "2000";
        await (await acs.PostJsonAsync("/v1/3ds/authentications", areq)).AssertProblemAsync(HttpStatusCode.Conflict);

        var challenged = AReq("app", await api.CardholderAsync(), amount: 99999);
        var ares = await acs.AReqAsync(challenged);
        await (await acs.CReqAsync(ares.S("acsTransID"), new { challengeCancel = "01" })).ReadJsonAsync();
        Assert.Equal(ares.GetRawText(), (await acs.AReqAsync(challenged)).GetRawText());
    }

    [Theory, MemberData(nameof(TestStores.All), MemberType = typeof(TestStores))]
    public async Task The_authentication_keeps_no_personal_data_of_the_AReq(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pan = await api.CardholderAsync();
        await acs.AReqAsync(AReq("browser", pan));
        await acs.AReqAsync(AReq("app", pan, amount: 7777));
        await StoreInspection.AssertNotInAnyColumnAsync(api, pan);
        foreach (var (column, value) in await StoreInspection.AllColumnsAsync(api))
        {
            var text = value.ToString() ?? "";
            foreach (var personal in new[] { "Pat Holder", "pat.holder@example.org", "7700900123", "High Street", "EC1A 1BB", "192.0.2.44", "Mozilla" })
            {
                Assert.False(text.Contains(personal, StringComparison.Ordinal), $"{column} holds {personal}");
            }
        }
    }
}
