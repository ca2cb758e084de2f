using System.Net;
using System.Text.Json.Nodes;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>Set-up through the admin API, the way an issuer does it.</summary>
public static class Admin
{
    public const string Imk = "674B191AD1163E273AB3B8F935E1D668";
    public const string Cvk = "0123456789ABCDEFFEDCBA9876543210";

    /// <summary>Mastercard range 539269 with every slot the card verification endpoints use, and these settings.</summary>
    public static async Task MastercardRangeAsync(this ApiProcess api, object? lockout = null)
    {
        using var client = api.Client();
        var keys = new JsonObject();
        foreach (var (slot, usage, hex) in new[]
                 {
                     ("cvv1", "CVK", Cvk), ("cvv2", "CVK", Cvk), ("icvv", "CVK", Cvk), ("cvc3", "IMK_CVC3", Imk),
                     ("dcvv", "IMK_DCVV", Imk), ("dcvv2", "DCVV2", (string?)null),
                 })
        {
            var alias = $"{slot}-{Guid.NewGuid():N}";
            object body = hex is null ? new { alias, usage } : new { alias, usage, components = new[] { hex } };
            await (await client.PostJsonAsync("/v1/admin/keys", body)).ReadJsonAsync(HttpStatusCode.Created);
            keys[slot] = alias;
        }
        var range = new JsonObject
        {
            ["panPrefix"] = "539269",
            ["network"] = "mastercard",
            ["keys"] = keys,
            ["lockout"] = lockout is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(lockout, Json.Web),
        };
        await (await client.PostJsonAsync("/v1/admin/card-ranges", range)).ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<string> RegisterCardAsync(this ApiProcess api, string pan, string expiry = "3012")
    {
        using var client = api.Client();
        var card = await (await client.PostJsonAsync("/v1/admin/cards", new { pan, expiry, status = "active", psn = "00" })).ReadJsonAsync(HttpStatusCode.Created);
        return card.Text("cardId");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiProcess, Task<string>> Operators = new();

    /// <summary>
    /// The key of one client per process that administers and generates values (<c>admin</c> does not imply the
    /// value-generating scopes); one per process, so Idempotency-Key replays come from the same client.
    /// </summary>
    public static Task<string> OperatorKeyAsync(this ApiProcess api) =>
        Operators.GetValue(api, a => a.ClientKeyAsync("admin", "card:generate", "card:verify", "dcvv2:generate"));

    /// <summary>Creates an API client with these scopes and returns its key.</summary>
    public static async Task<string> ClientKeyAsync(this ApiProcess api, params string[] scopes)
    {
        using var client = api.Client();
        var created = await (await client.PostJsonAsync("/v1/admin/clients", new { name = "fault-" + Guid.NewGuid().ToString("N"), scopes }))
            .ReadJsonAsync(HttpStatusCode.Created);
        return created.Text("apiKey");
    }
}
