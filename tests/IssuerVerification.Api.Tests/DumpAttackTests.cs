using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// A database dump alone gives away no secret: after full flows, no column holds a PAN, a generated value, a key component,
/// an API key or a cardholder's phone or email, nor an unkeyed hash (SHA-1, SHA-256) of one or of a request body that carried one.
/// </summary>
public sealed class DumpAttackTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task A_dump_of_every_table_holds_no_secret_nor_an_unkeyed_hash_of_one(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        const string cvk = "0123456789ABCDEFFEDCBA9876543210", dcvv2Key = "89ABCDEF0123456776543210FEDCBA98";
        await api.RangeAsync("455501", new Dictionary<string, string?> { ["cvv2"] = cvk, ["dcvv2"] = dcvv2Key });
        var pan = TestPans.Random("455501");
        const string phone = "+15555550123", email = "dump.holder@example.org";
        var secrets = new List<string> { pan, cvk, dcvv2Key, TestApi.AdminKey, phone, phone[1..], email, "dump.holder" };
        var bodies = new List<string>();

        var created = await (await Send(api.Client(), "/v1/admin/clients", new { name = "dump-client", scopes = new[] { "card:generate", "card:verify", "dcvv2:generate" } }, "client-1", bodies))
            .ReadJsonAsync(HttpStatusCode.Created);
        var apiKey = created.GetProperty("apiKey").GetString()!;
        secrets.Add(apiKey);
        var client = api.Client(apiKey);
        var cardId = (await (await Send(api.Client(), "/v1/admin/cards", new { pan, expiry = "3012", status = "active", psn = "00", cardholder = new { phone = "+15555550999", email } }, "card-1", bodies))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("cardId").GetString();
        // Changed contacts are sealed too, and the earlier ones leave no trace.
        secrets.Add("5555550999");
        await (await api.Client().PatchJsonAsync($"/v1/admin/cards/{cardId}", new { cardholder = new { phone, email } })).ReadJsonAsync();
        var dcvv2 = (await (await Send(client, "/v1/dcvv2/generate", new { pan, count = 2 }, "dcvv2-1", bodies)).ReadJsonAsync())
            .GetProperty("values").EnumerateArray().Select(v => v.GetProperty("dcvv2").GetString()!).ToList();
        var cvv2 = (await (await Send(client, "/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" }, "cvv-1", bodies)).ReadJsonAsync())
            .GetProperty("value").GetString()!;
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/dcvv2/verify", new { pan, dcvv2 = dcvv2[0] }));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = cvv2 }));
        // The idempotent replay still works from what is stored.
        Assert.Equal(dcvv2[0], (await (await Send(client, "/v1/dcvv2/generate", new { pan, count = 2 }, "dcvv2-1", bodies)).ReadJsonAsync())
            .GetProperty("values")[0].GetProperty("dcvv2").GetString());

        var values = dcvv2.Append(cvv2).ToList();
        var hashed = secrets.Concat(bodies).SelectMany(UnkeyedHashes).ToList();
        foreach (var (column, value) in await StoreInspection.AllColumnsAsync(api))
        {
            var bytes = value as byte[];
            var text = bytes is null ? value.ToString() ?? "" : Encoding.Latin1.GetString(bytes) + Convert.ToHexString(bytes);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{column} holds a secret in clear");
            }
            foreach (var generated in values.Where(_ => value is string)) // 3 digits: also found by chance in numbers and hex
            {
                Assert.False(text == generated || text.Contains($"\"{generated}\"", StringComparison.Ordinal), $"{column} holds a generated value");
            }
            foreach (var hash in hashed)
            {
                var found = bytes is not null
                    ? bytes.AsSpan().IndexOf(hash) >= 0 || text.Contains(Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase)
                    : text.Contains(Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase) || text.Contains(Convert.ToBase64String(hash), StringComparison.Ordinal);
                Assert.False(found, $"{column} holds an unkeyed hash of a secret or of a request body");
            }
        }
    }

    /// <summary>Posts the body as JSON with an Idempotency-Key; remembers the body text sent.</summary>
    private static Task<HttpResponseMessage> Send(HttpClient client, string path, object body, string idempotencyKey, List<string> bodies)
    {
        var json = JsonSerializer.Serialize(body, TestApi.Json);
        bodies.Add(json);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    private static IEnumerable<byte[]> UnkeyedHashes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5350 // the attacker's guess, not our use
        return [SHA1.HashData(bytes), SHA256.HashData(bytes)];
#pragma warning restore CA5350
    }
}
