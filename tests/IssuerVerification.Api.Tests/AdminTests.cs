using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

public sealed class AdminTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Imported_key_returns_its_kcv_and_never_its_material(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var response = await api.Client().PostJsonAsync("/v1/admin/keys", new
        {
            alias = "cvk-ceremony",
            usage = "CVK",
            components = new[] { "0123456789ABCDEF0000000000000000", "0000000000000000FEDCBA9876543210" },
        });
        var text = await response.Content.ReadAsStringAsync();
        var key = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("08D7B4", key.GetProperty("kcv").GetString());
        Assert.Equal("TDES_2KEY", key.GetProperty("algorithm").GetString());
        Assert.Equal("active", key.GetProperty("status").GetString());
        Assert.DoesNotContain("0123456789ABCDEF", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FEDCBA9876543210", text, StringComparison.OrdinalIgnoreCase);

        var listed = await (await api.Client().GetAsync("/v1/admin/keys")).Content.ReadAsStringAsync();
        Assert.Contains("cvk-ceremony", listed);
        Assert.DoesNotContain("system-", listed);
        Assert.DoesNotContain("0123456789ABCDEF", listed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains("0123456789ABCDEF", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Key_input_errors(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "short", usage = "CVK", components = new[] { "0123456789ABCDEF" } }))
            .AssertInvalidFieldAsync("components[0]");
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "aav-tdes", usage = "AAV", algorithm = "TDES_2KEY" }))
            .AssertInvalidFieldAsync("algorithm");
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "dup", usage = "DCVV2" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "dup", usage = "DCVV2" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync("/v1/admin/keys/none")).AssertProblemAsync(HttpStatusCode.NotFound);
        var aav = await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "aav", usage = "AAV", algorithm = "HMAC_SHA1", components = new[] { new string('0', 38) + "0B" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("HMAC_SHA1", aav.GetProperty("algorithm").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Card_range_checks_key_slots_and_fills_defaults(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "cvk", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias = "d2", usage = "DCVV2" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "411111", network = "visa", keys = new { cvv2 = "d2" } }))
            .AssertInvalidFieldAsync("keys.cvv2");
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "411111", network = "visa", keys = new { cvv2 = "missing" } }))
            .AssertInvalidFieldAsync("keys.cvv2");
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "4111", network = "visa", keys = new { } }))
            .AssertInvalidFieldAsync("panPrefix");
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "411111", network = "amex", keys = new { } }))
            .AssertInvalidFieldAsync("network");

        var range = await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "411111", network = "visa", keys = new { cvv2 = "cvk", dcvv2 = "d2" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(60, range.GetProperty("dcvv2").GetProperty("windowMinutes").GetInt32());
        Assert.Equal(300, range.GetProperty("dcvv2").GetProperty("graceSeconds").GetInt32());
        Assert.False(range.GetProperty("dcvv2").GetProperty("singleUse").GetBoolean());
        Assert.Equal("YYMM", range.GetProperty("cvv2ExpiryFormat").GetString());
        Assert.Equal(5, range.GetProperty("lockout").GetProperty("maxFailures").GetInt32());
        Assert.Equal(30, range.GetProperty("lockout").GetProperty("lockMinutes").GetInt32());
        Assert.Equal(5000, range.GetProperty("threeDs").GetProperty("frictionlessMaxAmount").GetInt64());
        Assert.Equal(3, range.GetProperty("threeDs").GetProperty("challengeMaxAttempts").GetInt32());
        await (await client.PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "411111", network = "visa", keys = new { } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await (await client.GetAsync("/v1/admin/card-ranges")).ReadJsonAsync()).EnumerateArray());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cards_register_mask_update_and_refuse_duplicates(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        var pan = TestPans.Random("411111");

        await (await client.PostJsonAsync("/v1/admin/cards", new { pan = WrongDigit.Last(pan), expiry = "2812" }))
            .AssertInvalidFieldAsync("pan");
        await (await client.PostJsonAsync("/v1/admin/cards", new { pan, expiry = "2813" })).AssertInvalidFieldAsync("expiry");

        var card = await (await client.PostJsonAsync("/v1/admin/cards", new { pan, expiry = "2812", cardholder = new { name = "SARAH", phone = "+15555550100" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var masked = card.GetProperty("maskedPan").GetString()!;
        Assert.Equal(pan[..6] + "******" + pan[^4..], masked);
        Assert.Equal("active", card.GetProperty("status").GetString());
        await (await client.PostJsonAsync("/v1/admin/cards", new { pan, expiry = "2812" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var id = card.GetProperty("cardId").GetString();
        var patched = await (await client.PatchJsonAsync($"/v1/admin/cards/{id}", new { status = "stolen" })).ReadJsonAsync();
        Assert.Equal("stolen", patched.GetProperty("status").GetString());
        Assert.Equal("SARAH", patched.GetProperty("cardholder").GetProperty("name").GetString());
        await (await client.PatchJsonAsync($"/v1/admin/cards/{Guid.NewGuid()}", new { status = "active" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(pan, StringComparison.Ordinal));
        await StoreInspection.AssertNotInAnyColumnAsync(api, pan);
    }
}
