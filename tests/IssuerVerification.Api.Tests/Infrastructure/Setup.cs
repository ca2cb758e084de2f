using System.Net;
using System.Text.Json;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>Test set-up through the admin API, the way an issuer would do it.</summary>
public static class Setup
{
    /// <summary>Imports each slot's key (TDES hex, or generated when null) and creates a range with <paramref name="settings"/>.</summary>
    public static async Task RangeAsync(this TestApi api, string prefix, IDictionary<string, string?> slotKeys, object? settings = null, string network = "visa")
    {
        var keys = new Dictionary<string, string>();
        foreach (var (slot, hex) in slotKeys)
        {
            var alias = $"{slot}-{prefix}-{Guid.NewGuid():N}"[..40];
            var usage = KeySlot.Find(slot)!.Usage;
            object body = hex is null ? new { alias, usage } : new { alias, usage, components = new[] { hex } };
            await (await api.Client().PostJsonAsync("/v1/admin/keys", body)).ReadJsonAsync(HttpStatusCode.Created);
            keys[slot] = alias;
        }
        var range = JsonSerializer.SerializeToNode(settings ?? new { }, TestApi.Json)!.AsObject();
        range["panPrefix"] = prefix;
        range["network"] = network;
        range["keys"] = JsonSerializer.SerializeToNode(keys);
        await (await api.Client().PostJsonAsync("/v1/admin/card-ranges", range)).ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<string> RegisterCardAsync(this TestApi api, string pan, string expiry = "3012", string status = "active", string psn = "00")
    {
        var card = await (await api.Client().PostJsonAsync("/v1/admin/cards", new { pan, expiry, status, psn })).ReadJsonAsync(HttpStatusCode.Created);
        return card.GetProperty("cardId").GetString()!;
    }

    /// <summary>A random PAN with this prefix, registered as an active card: values are generated for registered cards only.</summary>
    public static async Task<string> CardAsync(this TestApi api, string prefix)
    {
        var pan = TestPans.Random(prefix);
        await api.RegisterCardAsync(pan);
        return pan;
    }

    /// <summary>Posts and returns the verification's <c>result</c> and <c>reason</c> ("match/" on a match).</summary>
    public static async Task<string> VerifyAsync(this HttpClient client, string path, object body)
    {
        var json = await (await client.PostJsonAsync(path, body)).ReadJsonAsync();
        return json.GetProperty("result").GetString() + "/" + json.GetProperty("reason").GetString();
    }

    public const string Match = "match/";
}
