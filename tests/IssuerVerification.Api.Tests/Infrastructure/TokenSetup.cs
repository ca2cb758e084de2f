using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>Token verification set-up and calls: a Visa (444433) and a Mastercard (539269) range and cardholders with contacts.</summary>
public static class TokenSetup
{
    public const string Phone = "+15555550177";
    public const string Email = "holder.private@example.org";

    /// <summary>Both ranges with these token verification settings (null: the defaults).</summary>
    public static async Task RangesAsync(this TestApi api, object? tokenVerification = null)
    {
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = null }, new { tokenVerification });
        await api.RangeAsync("539269", new Dictionary<string, string?> { ["cvv2"] = null }, new { tokenVerification }, network: "mastercard");
    }

    /// <summary>Registers a card whose cardholder has a phone, an email and (by default) the bank app; returns its PAN.</summary>
    public static async Task<string> CardholderAsync(this TestApi api, string prefix = "444433", bool bankApp = true, string status = "active",
        string? phone = Phone, string? email = Email)
    {
        var pan = TestPans.Random(prefix);
        await (await api.Client().PostJsonAsync("/v1/admin/cards", new
        {
            pan,
            expiry = "3012",
            status,
            cardholder = new { name = "HOLDER", phone, email, bankApp },
        })).ReadJsonAsync(HttpStatusCode.Created);
        return pan;
    }

    /// <summary>A device-binding request body, to edit as a test needs.</summary>
    public static JsonObject Binding(string pan, string device = "device-1", string network = "visa", string token = "tok-1")
    {
        return new JsonObject
        {
            ["requestType"] = "device_binding",
            ["network"] = network,
            ["tokenReference"] = token,
            ["pan"] = pan,
            ["tokenRequestor"] = new JsonObject { ["id"] = "40010075001", ["name"] = "Shop", ["merchantId"] = "M-1" },
            ["device"] = new JsonObject { ["id"] = device, ["name"] = "Phone", ["type"] = "mobile_phone" },
        };
    }

    public static JsonObject WithRisk(this JsonObject body, int? score, string? recommendedDecision = null)
    {
        body["risk"] = new JsonObject { ["score"] = score, ["recommendedDecision"] = recommendedDecision };
        return body;
    }

    public static async Task<JsonElement> CreateAsync(this HttpClient client, JsonObject body) =>
        await (await client.PostJsonAsync("/v1/token-verifications", body)).ReadJsonAsync(HttpStatusCode.Created);

    public static string Id(this JsonElement verification) => verification.GetProperty("id").GetString()!;

    public static string Status(this JsonElement json) => json.GetProperty("status").GetString()!;

    public static string Reasons(this JsonElement verification) =>
        string.Join(' ', verification.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

    public static string MethodId(this JsonElement verification, string type) =>
        verification.GetProperty("idvMethods").EnumerateArray().First(m => m.GetProperty("type").GetString() == type).GetProperty("id").GetString()!;

    public static Task<HttpResponseMessage> SendOtpAsync(this HttpClient client, string id, string methodId) =>
        client.PostJsonAsync($"/v1/token-verifications/{id}/otp", new { methodId });

    public static Task<HttpResponseMessage> VerifyOtpAsync(this HttpClient client, string id, string otp) =>
        client.PostJsonAsync($"/v1/token-verifications/{id}/otp/verify", new { otp });

    /// <summary>The outbox channel's messages for a verification (admin).</summary>
    public static async Task<JsonElement> OutboxAsync(this TestApi api, string id) =>
        await (await api.Client().GetAsync($"/v1/admin/outbox?reference={id}")).ReadJsonAsync();

    /// <summary>The code of the last message the outbox holds for the verification.</summary>
    public static async Task<string> LastCodeAsync(this TestApi api, string id)
    {
        var messages = await api.OutboxAsync(id);
        return messages[messages.GetArrayLength() - 1].GetProperty("code").GetString()!;
    }

    /// <summary>A 6-digit code that is not <paramref name="code"/>.</summary>
    public static string Wrong(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");
}
