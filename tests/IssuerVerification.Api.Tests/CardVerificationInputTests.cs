using System.Net;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Bad input on every field of the verify endpoints: 400 naming the field, nothing counted, nothing stored.</summary>
public sealed class CardVerificationInputTests
{
    private const string Pan = "5392692002902681";

    private static readonly Dictionary<string, (string Path, string Body)> Valid = new()
    {
        ["cvv"] = ("/v1/cvv/verify", $$"""{"pan":"{{Pan}}","expiry":"3608","kind":"cvv1","serviceCode":"201","value":"123"}"""),
        ["cvc3"] = ("/v1/cvc3/verify", $$"""{"pan":"{{Pan}}","psn":"01","ivcvc3":"8342","unpredictableNumber":"00000899","atc":"005E","cvc3":"807"}"""),
        ["dcvv"] = ("/v1/dcvv/verify", $$"""{"pan":"{{Pan}}","expiry":"3608","serviceCode":"201","atc":"0001","dcvv":"123"}"""),
    };

    /// <summary>(endpoint, field, bad value as JSON; "-" removes the field).</summary>
    public static TheoryData<string, string, string> BadFields => new()
    {
        { "cvv", "pan", "\"5392692002902682\"" },     // Luhn
        { "cvv", "pan", "\"53926920029\"" },          // too short
        { "cvv", "pan", "\"5392 6920 0290 2681\"" },  // not digits
        { "cvv", "pan", "null" },
        { "cvv", "pan", "-" },
        { "cvv", "expiry", "\"36081\"" },
        { "cvv", "expiry", "\"3613\"" },
        { "cvv", "expiry", "3608" },                  // a number, not a string
        { "cvv", "kind", "\"cvv3\"" },
        { "cvv", "kind", "null" },
        { "cvv", "serviceCode", "-" },                // required for cvv1
        { "cvv", "serviceCode", "\"2O1\"" },
        { "cvv", "value", "\"12\"" },
        { "cvv", "value", "\"12a\"" },
        { "cvc3", "psn", "\"1\"" },
        { "cvc3", "ivcvc3", "\"834\"" },
        { "cvc3", "ivcvc3", "\"83G2\"" },
        { "cvc3", "unpredictableNumber", "\"0000089\"" },
        { "cvc3", "atc", "\"GGGG\"" },
        { "cvc3", "atc", "\"05E\"" },
        { "cvc3", "atc", "-" },
        { "cvc3", "cvc3", "\"12\"" },
        { "cvc3", "cvc3", "\"123456\"" },
        { "cvc3", "trackData", "\"5392692002902681D3608\"" }, // both trackData and ivcvc3
        { "dcvv", "serviceCode", "\"20\"" },
        { "dcvv", "atc", "\"GGGG\"" },
        { "dcvv", "dcvv", "\"1234\"" },
    };

    [Theory, MemberData(nameof(BadFields))]
    public async Task Bad_field_is_400_naming_it(string endpoint, string field, string json)
    {
        await using var api = await StartAsync(TestStores.Sqlite);
        var (path, body) = Valid[endpoint];
        await (await api.Client().PostAsync(path, Json(body, field, json))).AssertInvalidFieldAsync(field);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Bad_input_counts_nothing_and_stores_nothing(string store)
    {
        await using var api = await StartAsync(store);
        foreach (var row in BadFields)
        {
            var (endpoint, field, json) = ((string)row[0], (string)row[1], (string)row[2]);
            var (path, body) = Valid[endpoint];
            Assert.Equal(HttpStatusCode.BadRequest, (await api.Client().PostAsync(path, Json(body, field, json))).StatusCode);
        }
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.AuditLog.CountAsync(e => e.CardFingerprint != null)); // the set-up's admin changes are audited
        Assert.Equal(0, await db.CardLockouts.CountAsync());
        Assert.Equal(0, await db.AtcCounters.CountAsync());
        // maxFailures is 1: had anything been counted, the card would now be locked.
        Assert.Equal(Setup.Match, await api.Client().VerifyAsync("/v1/cvc3/verify", new
        {
            pan = Pan,
            psn = "01",
            ivcvc3 = "8342",
            unpredictableNumber = "00000899",
            atc = "005E",
            cvc3 = "807",
        }));
    }

    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<TestApi> StartAsync(string store)
    {
        var api = await TestApi.StartAsync(store);
        await api.RangeAsync("539269", new Dictionary<string, string?>
        {
            ["cvc3"] = "674B191AD1163E273AB3B8F935E1D668",
            ["cvv1"] = "0123456789ABCDEFFEDCBA9876543210",
            ["dcvv"] = "674B191AD1163E273AB3B8F935E1D668",
        }, new { lockout = new { maxFailures = 1 } }, "mastercard");
        return api;
    }

    private static StringContent Json(string body, string field, string value)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        if (value == "-")
        {
            node.Remove(field);
        }
        else
        {
            node[field] = JsonNode.Parse(value);
        }
        return new StringContent(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
    }
}
