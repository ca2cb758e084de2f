using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>Decisions, ID&amp;V methods and bindings through the API.</summary>
public sealed class TokenVerificationTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Green_binds_the_device_once_and_the_device_is_known_afterwards(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var merchant = await api.ClientWithScopesAsync("token:verify");

        var first = await merchant.CreateAsync(TokenSetup.Binding(pan).WithRisk(10, "approve"));
        Assert.Equal("green", first.GetProperty("decision").GetString());
        Assert.Equal("approved", first.Status());
        Assert.Equal("low_risk_score", first.Reasons());
        Assert.Equal(0, first.GetProperty("idvMethods").GetArrayLength());
        var again = await merchant.CreateAsync(TokenSetup.Binding(pan));
        Assert.Equal("approved", again.Status());
        Assert.Equal("known_device", again.Reasons());

        var bindings = await (await merchant.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync();
        Assert.Equal(1, bindings.GetArrayLength());
        Assert.Equal("device-1", bindings[0].GetProperty("deviceId").GetString());
        Assert.Equal(first.Id(), bindings[0].GetProperty("verificationId").GetString());
        Assert.Equal(0, (await (await merchant.GetAsync("/v1/tokens/other/bindings")).ReadJsonAsync()).GetArrayLength());

        var read = await (await merchant.GetAsync($"/v1/token-verifications/{first.Id()}")).ReadJsonAsync();
        Assert.Equal("approved", read.Status());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_new_device_without_a_score_is_yellow_with_masked_methods(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var response = await api.Client().PostJsonAsync("/v1/token-verifications", TokenSetup.Binding(pan));
        var text = await response.Content.ReadAsStringAsync();
        var yellow = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("yellow", yellow.GetProperty("decision").GetString());
        Assert.Equal("pending_idv", yellow.Status());
        Assert.Equal("new_device", yellow.Reasons());
        Assert.Equal("cell_phone email bank_app", string.Join(' ', yellow.GetProperty("idvMethods").EnumerateArray().Select(m => m.GetProperty("type").GetString())));
        Assert.Contains("+*******0177", text, StringComparison.Ordinal);
        Assert.Contains("h*************@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenSetup.Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenSetup.Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain(pan, text, StringComparison.Ordinal);
        Assert.Equal(api.Clock.GetUtcNow().AddMinutes(10), yellow.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(0, (await (await api.Client().GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Red_for_unknown_or_inactive_cards_declines_and_high_scores(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var client = api.Client();
        async Task<string> DecideAsync(System.Text.Json.Nodes.JsonObject body)
        {
            var verification = await client.CreateAsync(body);
            Assert.Equal(0, verification.GetProperty("idvMethods").GetArrayLength());
            return $"{verification.GetProperty("decision").GetString()}/{verification.Status()}/{verification.Reasons()}";
        }
        Assert.Equal("red/declined/card_unknown", await DecideAsync(TokenSetup.Binding(TestPans.Random("444433"))));
        Assert.Equal("red/declined/card_unknown", await DecideAsync(TokenSetup.Binding(TestPans.Random("411111"))));
        Assert.Equal("red/declined/card_inactive", await DecideAsync(TokenSetup.Binding(await api.CardholderAsync(status: "blocked")).WithRisk(1)));
        var pan = await api.CardholderAsync();
        Assert.Equal("red/declined/recommended_decline", await DecideAsync(TokenSetup.Binding(pan).WithRisk(5, "decline")));
        Assert.Equal("red/declined/high_risk_score", await DecideAsync(TokenSetup.Binding(pan).WithRisk(80)));
        var none = await api.CardholderAsync(bankApp: false, phone: null, email: null);
        Assert.Equal("red/declined/recommended_authentication no_idv_method", await DecideAsync(TokenSetup.Binding(none).WithRisk(1, "require_authentication")));
        Assert.Equal(0, (await (await client.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Mastercard_offers_push_and_its_bank_app_is_push_notification(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync("539269");
        var yellow = await api.Client().CreateAsync(TokenSetup.Binding(pan, network: "mastercard").WithRisk(50));
        var methods = yellow.GetProperty("idvMethods").EnumerateArray().Select(m => $"{m.GetProperty("id").GetString()}:{m.GetProperty("type").GetString()}:{m.GetProperty("value").GetString()}");
        Assert.Equal(["m1:cell_phone:+*******0177", "m2:email:h*************@example.org", "m3:bank_app:PUSH_NOTIFICATION", "m4:push:ISSUER_APP_PUSH"], methods);
        var read = await (await api.Client().GetAsync($"/v1/token-verifications/{yellow.Id()}")).ReadJsonAsync();
        Assert.Equal(yellow.GetProperty("idvMethods").ToString(), read.GetProperty("idvMethods").ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cardholder_verification_and_passkey_binding(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var check = TokenSetup.Binding(pan);
        check["requestType"] = "cardholder_verification";
        check.Remove("device");
        Assert.Equal("no_risk_signal", (await api.Client().CreateAsync(check)).Reasons());

        var passkey = TokenSetup.Binding(pan, token: "tok-pk");
        passkey.Remove("device");
        passkey["passkey"] = new System.Text.Json.Nodes.JsonObject { ["credentialId"] = "AbC-123_xyz" };
        Assert.Equal("approved", (await api.Client().CreateAsync(passkey.WithRisk(3))).Status());
        var bindings = await (await api.Client().GetAsync("/v1/tokens/tok-pk/bindings")).ReadJsonAsync();
        Assert.Equal("AbC-123_xyz", bindings[0].GetProperty("passkeyCredentialId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bindings[0].GetProperty("deviceId").ValueKind);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Thresholds_per_card_range(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync(new { redFromScore = 30, yellowFromScore = 10 });
        var ranges = await (await api.Client().GetAsync("/v1/admin/card-ranges")).ReadJsonAsync();
        Assert.Equal(30, ranges[0].GetProperty("tokenVerification").GetProperty("redFromScore").GetInt32());
        Assert.Equal(3, ranges[0].GetProperty("tokenVerification").GetProperty("otpMaxAttempts").GetInt32());
        var pan = await api.CardholderAsync();
        Assert.Equal("red", (await api.Client().CreateAsync(TokenSetup.Binding(pan).WithRisk(30))).GetProperty("decision").GetString());
        Assert.Equal("yellow", (await api.Client().CreateAsync(TokenSetup.Binding(pan).WithRisk(10))).GetProperty("decision").GetString());
        Assert.Equal("green", (await api.Client().CreateAsync(TokenSetup.Binding(pan).WithRisk(9))).GetProperty("decision").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Create_is_idempotent_and_unknown_ids_are_404(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var client = api.Client();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "create-1");
        var first = await client.CreateAsync(TokenSetup.Binding(pan).WithRisk(1));
        var second = await client.CreateAsync(TokenSetup.Binding(pan).WithRisk(1));
        Assert.Equal(first.Id(), second.Id());
        await (await api.Client().GetAsync($"/v1/token-verifications/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var byCard = TokenSetup.Binding(pan);
        byCard.Remove("pan");
        byCard["cardId"] = Guid.NewGuid();
        await (await api.Client().PostJsonAsync("/v1/token-verifications", byCard)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Scopes_token_verify_and_issuer_app(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var app = await api.ClientWithScopesAsync("issuer:app");
        var merchant = await api.ClientWithScopesAsync("token:verify");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PostJsonAsync("/v1/token-verifications", TokenSetup.Binding(pan))).StatusCode);
        var yellow = await merchant.CreateAsync(TokenSetup.Binding(pan));
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.PostJsonAsync($"/v1/token-verifications/{yellow.Id()}/app-decision", new { approved = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync($"/v1/admin/outbox?reference={yellow.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(null).GetAsync($"/v1/token-verifications/{yellow.Id()}")).StatusCode);
    }
}
