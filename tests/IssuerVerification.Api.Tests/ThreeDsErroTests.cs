using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>A bad AReq: 400 problem carrying the EMV Erro message (102, 201, 203), and nothing stored.</summary>
public sealed class ThreeDsErroTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<JsonElement> ErroAsync(HttpClient acs, JsonObject areq, string code, string detail)
    {
        var problem = await (await acs.PostJsonAsync("/v1/3ds/authentications", areq)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var erro = problem.GetProperty("erro");
        Assert.Equal(("Erro", code, "A", "AReq"), (erro.S("messageType"), erro.S("errorCode"), erro.S("errorComponent"), erro.S("errorMessageType")));
        Assert.Equal(detail, erro.S("errorDetail"));
        Assert.False(string.IsNullOrEmpty(erro.S("errorDescription")));
        Assert.Equal(areq["threeDSServerTransID"]?.GetValue<string>(), erro.Optional("threeDSServerTransID"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(detail.Split(',')[0], out _));
        return erro;
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Each_erro_code_and_nothing_is_stored(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pan = await api.CardholderAsync();

        var version = AReqs.Browser(pan, version: "2.1.0");
        Assert.Equal("2.1.0", (await ErroAsync(acs, version, "102", "messageVersion")).S("messageVersion"));

        var missing = AReqs.Browser(pan);
        missing.Remove("notificationURL");
        missing.Remove("purchaseCurrency");
        await ErroAsync(acs, missing, "201", "purchaseCurrency,notificationURL");
        var app = AReqs.App(pan);
        app.Remove("sdkTransID");
        await ErroAsync(acs, app, "201", "sdkTransID");

        foreach (var (field, bad) in new[]
        {
            ("acctNumber", "4444330000000001"), ("acctNumber", "444433000001"), ("cardExpiryDate", "3013"), ("purchaseAmount", "12.50"),
            ("purchaseCurrency", "97"), ("purchaseCurrency", "999"), ("purchaseExponent", "22"), ("mcc", "541"), ("threeDSServerTransID", "not-a-uuid"),
            ("deviceChannel", "03"), ("messageCategory", "85"), ("notificationURL", "merchant.example/notify"), ("messageType", "ARes"),
        })
        {
            var areq = AReqs.Browser(pan);
            areq[field] = bad;
            await ErroAsync(acs, areq, "203", field);
        }

        // Nothing was stored: the ids of the refused AReqs are free, and the history is empty.
        var history = await api.ClientWithScopesAsync("3ds:history");
        Assert.Equal(0, (await (await history.GetAsync("/v1/3ds/history")).ReadJsonAsync()).GetProperty("total").GetInt32());
        missing["notificationURL"] = AReqs.NotificationUrl;
        missing["purchaseCurrency"] = "978";
        Assert.Equal("Y", (await acs.AReqAsync(missing)).S("transStatus"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_element_of_the_wrong_JSON_type_gets_erro_203_and_nothing_is_stored(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var pan = await api.CardholderAsync();
        var number = AReqs.Browser(pan);
        number["purchaseAmount"] = 1999;
        Assert.Equal("2.2.0", (await ErroAsync(acs, number, "203", "purchaseAmount")).S("messageVersion"));
        var two = AReqs.Browser(pan);
        two["merchantName"] = new JsonObject { ["name"] = "Shop" };
        two["mcc"] = new JsonArray("5411");
        await ErroAsync(acs, two, "203", "merchantName,mcc");
        var control = AReqs.Browser(pan);
        control["merchantName"] = "Shop\u0007";
        await ErroAsync(acs, control, "203", "merchantName");

        var history = await api.ClientWithScopesAsync("3ds:history");
        Assert.Equal(0, (await (await history.GetAsync("/v1/3ds/history")).ReadJsonAsync()).GetProperty("total").GetInt32());
        number["purchaseAmount"] = "1999";
        Assert.Equal("Y", (await acs.AReqAsync(number)).S("transStatus"));

        // Not JSON, or not an object, stays a plain 400 (nothing to answer with an Erro).
        foreach (var body in new[] { "{\"messageType\":", "[1,2]", "" })
        {
            var response = await acs.PostAsync("/v1/3ds/authentications", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.False(problem.TryGetProperty("erro", out _));
        }
        var text = await acs.PostAsync("/v1/3ds/authentications", new StringContent(number.ToJsonString(), System.Text.Encoding.UTF8, "text/plain"));
        await text.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Unknown_EMV_elements_are_accepted_but_a_duplicate_element_is_not(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var areq = AReqs.Browser(await api.CardholderAsync());
        areq["payTokenInd"] = true;
        areq["whiteListStatus"] = "Y";
        areq["threeDSRequestorPriorAuthenticationInfo"] = new JsonObject { ["threeDSReqPriorAuthMethod"] = "02" };
        Assert.Equal("Y", (await acs.AReqAsync(areq)).S("transStatus"));

        var json = AReqs.Browser(await api.CardholderAsync()).ToJsonString();
        var duplicated = json.Insert(1, "\"merchantName\":\"Other\",");
        var response = await acs.PostAsync("/v1/3ds/authentications", new StringContent(duplicated, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
