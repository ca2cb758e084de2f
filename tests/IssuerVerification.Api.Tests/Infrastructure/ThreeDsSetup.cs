using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>
/// 3-D Secure set-up and messages: a Visa range (444433, CAVV key of the vectors) and a Mastercard range (539269, AAV key of
/// the vectors), both frictionless up to 5000 minor units. The AReqs themselves: <see cref="AReqs"/>.
/// </summary>
public static class ThreeDsSetup
{
    public const string CavvKey = "0123456789ABCDEFFEDCBA9876543210";
    public const string AavKey = "0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B";

    public static async Task ThreeDsRangesAsync(this TestApi api, object? threeDs = null)
    {
        await RangeAsync(api, "444433", "visa", "cavv", "CAVV", "TDES_2KEY", CavvKey, threeDs);
        await RangeAsync(api, "539269", "mastercard", "aav", "AAV", "HMAC_SHA1", AavKey, threeDs);
    }

    private static async Task RangeAsync(TestApi api, string prefix, string network, string slot, string usage, string algorithm, string key, object? threeDs)
    {
        var alias = $"{slot}-{prefix}-{Guid.NewGuid():N}"[..30];
        await (await api.Client().PostJsonAsync("/v1/admin/keys", new { alias, usage, algorithm, components = new[] { key } })).ReadJsonAsync(HttpStatusCode.Created);
        var range = new JsonObject { ["panPrefix"] = prefix, ["network"] = network, ["keys"] = new JsonObject { [slot] = alias } };
        if (threeDs is not null)
        {
            range["threeDs"] = JsonSerializer.SerializeToNode(threeDs, TestApi.Json);
        }
        await (await api.Client().PostJsonAsync("/v1/admin/card-ranges", range)).ReadJsonAsync(HttpStatusCode.Created);
    }

    public static string Prefix(string network) => network == "visa" ? "444433" : "539269";

    public static async Task<JsonElement> AReqAsync(this HttpClient client, JsonObject areq) =>
        await (await client.PostJsonAsync("/v1/3ds/authentications", areq)).ReadJsonAsync();

    public static Task<HttpResponseMessage> CReqAsync(this HttpClient client, string acsTransId, object creq) =>
        client.PostJsonAsync($"/v1/3ds/authentications/{acsTransId}/challenge", creq);

    public static string S(this JsonElement json, string name) => json.GetProperty(name).GetString()!;

    public static string? Optional(this JsonElement json, string name) => json.TryGetProperty(name, out var v) ? v.GetString() : null;
}
