using System.Net;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Bad input on every field of every token verification request: a 400 problem naming the field, and nothing stored.</summary>
public sealed class TokenInputTests
{
    public static TheoryData<string> Stores => TestStores.All;

    /// <summary>Field named in the problem, and how to break it.</summary>
    private static readonly (string Field, Action<JsonObject> Break)[] CreateCases =
    [
        ("requestType", b => b["requestType"] = "device_bind"),
        ("requestType", b => b.Remove("requestType")),
        ("network", b => b["network"] = "amex"),
        ("tokenReference", b => b["tokenReference"] = ""),
        ("tokenReference", b => b["tokenReference"] = new string('t', 65)),
        ("tokenReference", b => b["tokenReference"] = "tok 1"),
        ("tokenReference", b => b.Remove("tokenReference")),
        ("pan", b => b["pan"] = "4444333322221112"),
        ("pan", b => b["pan"] = 4444333322221111),
        ("pan", b => b["cardId"] = Guid.NewGuid()),
        ("pan", b => b.Remove("pan")),
        ("cardId", b => b["cardId"] = "not-a-guid"),
        ("tokenRequestor", b => b.Remove("tokenRequestor")),
        ("tokenRequestor", b => b["tokenRequestor"] = null),
        ("tokenRequestor.id", b => b["tokenRequestor"]!["id"] = ""),
        ("tokenRequestor.name", b => b["tokenRequestor"]!["name"] = new string('n', 101)),
        ("tokenRequestor.merchantId", b => b["tokenRequestor"]!["merchantId"] = "m/1"),
        ("tokenRequestor.extra", b => b["tokenRequestor"]!["extra"] = 1),
        ("device", b => b.Remove("device")),
        ("device.id", b => b["device"]!["id"] = new string('d', 129)),
        ("device.name", b => b["device"]!["name"] = "bad\u0001name"),
        ("device.type", b => b["device"]!["type"] = "mobile phone"),
        ("passkey.credentialId", b => b["passkey"] = new JsonObject { ["credentialId"] = "a+b/c=" }),
        ("risk.score", b => b["risk"] = new JsonObject { ["score"] = 100 }),
        ("risk.score", b => b["risk"] = new JsonObject { ["score"] = -1 }),
        ("risk.score", b => b["risk"] = new JsonObject { ["score"] = "50" }),
        ("risk.recommendedDecision", b => b["risk"] = new JsonObject { ["recommendedDecision"] = "maybe" }),
        ("risk.reasons", b => b["risk"] = new JsonObject { ["reasons"] = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode)$"r{i}").ToArray()) }),
        ("risk.reasons", b => b["risk"] = new JsonObject { ["reasons"] = new JsonArray("") }),
        ("callbackUrl", b => b["callbackUrl"] = "http://merchant.example/cb"),
        ("callbackUrl", b => b["callbackUrl"] = "https://merchant.example/" + new string('c', 2048)),
        ("unknown", b => b["unknown"] = true),
    ];

    public static TheoryData<string, int> CreateCaseIndexes
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var store in TestStores.All)
            {
                for (var i = 0; i < CreateCases.Length; i++)
                {
                    data.Add(store, i);
                }
            }
            return data;
        }
    }

    private static async Task<int> RowsAsync(TestApi api)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        return await db.TokenVerifications.CountAsync() + await db.TokenBindings.CountAsync() + await db.TokenCallbacks.CountAsync() + await db.Outbox.CountAsync();
    }

    [Theory, MemberData(nameof(CreateCaseIndexes))]
    public async Task Bad_create_input_is_400_and_stores_nothing(string store, int index)
    {
        var (field, breakIt) = CreateCases[index];
        await using var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["TokenVerification:AllowHttpLoopbackCallbacks"] = "false" });
        await api.RangesAsync();
        var body = TokenSetup.Binding(await api.CardholderAsync());
        breakIt(body);
        await (await api.Client().PostJsonAsync("/v1/token-verifications", body)).AssertInvalidFieldAsync(field);
        Assert.Equal(0, await RowsAsync(api));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Bad_step_up_input_is_400_and_changes_nothing(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var id = (await api.Client().CreateAsync(TokenSetup.Binding(await api.CardholderAsync()))).Id();
        var before = await RowsAsync(api);
        foreach (var methodId in new object?[] { "", "x1", "m", "m1000", 1, null })
        {
            await (await api.Client().PostJsonAsync($"/v1/token-verifications/{id}/otp", new { methodId })).AssertInvalidFieldAsync("methodId");
        }
        await (await api.Client().SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        var sent = await RowsAsync(api);
        Assert.Equal(before + 1, sent);
        foreach (var otp in new object?[] { "", "12345", "1234567", "12345a", "١٢٣٤٥٦", 123456, null })
        {
            await (await api.Client().PostJsonAsync($"/v1/token-verifications/{id}/otp/verify", new { otp })).AssertInvalidFieldAsync("otp");
        }
        await (await api.Client().PostJsonAsync($"/v1/token-verifications/{id}/otp/verify", new { otp = "123456", extra = 1 })).AssertInvalidFieldAsync("extra");
        foreach (var approved in new object?[] { "true", 1, null })
        {
            await (await api.Client().PostJsonAsync($"/v1/token-verifications/{id}/app-decision", new { approved })).AssertInvalidFieldAsync("approved");
        }
        await (await api.Client().PostJsonAsync($"/v1/token-verifications/{id}/app-decision", new { })).AssertInvalidFieldAsync("approved");
        var answer = await (await api.Client().VerifyOtpAsync(id, TokenSetup.Wrong(await api.LastCodeAsync(id)))).ReadJsonAsync();
        Assert.Equal(2, answer.GetProperty("attemptsRemaining").GetInt32()); // no bad request counted as an attempt
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Bad_range_thresholds_are_400(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        foreach (var (field, settings) in new (string, object)[]
        {
            ("tokenVerification.redFromScore", new { redFromScore = 0 }),
            ("tokenVerification.yellowFromScore", new { yellowFromScore = 101 }),
            ("tokenVerification.yellowFromScore", new { redFromScore = 50, yellowFromScore = 60 }),
            ("tokenVerification.otpMaxAttempts", new { otpMaxAttempts = 0 }),
            ("tokenVerification.otpMaxSends", new { otpMaxSends = 11 }),
            ("tokenVerification.stepUpMinutes", new { stepUpMinutes = 61 }),
        })
        {
            var response = await api.Client().PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "444433", network = "visa", keys = new { }, tokenVerification = settings });
            await response.AssertInvalidFieldAsync(field);
        }
    }
}
