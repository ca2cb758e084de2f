using System.Net;
using System.Text.Json;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// Twenty OTP checks or sends of one token verification at once, split over two API processes on one database: the right
/// code verifies exactly once and binds the device once; wrong codes end in <c>failed</c> after exactly the configured three
/// attempts, never more; sends stop at the configured three, and each send, counted or refused, is audited.
/// </summary>
public sealed class TokenOtpRaceTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Parallel = 20;

    public static TheoryData<string> All => Stores.All;

    /// <summary>A yellow device binding (risk score 50, default thresholds) with its OTP sent; its id, token, device and code.</summary>
    private async Task<(ApiProcess[] Apis, string Key, string Id, string Token, string Code)> PendingAsync(string store)
    {
        var apis = await fixture.SharedApisAsync(store, 2, api => api.MastercardRangeAsync());
        var pan = TestPans.Random("539269");
        using var admin = apis[0].Client();
        await (await admin.PostJsonAsync("/v1/admin/cards", new { pan, expiry = "3012", cardholder = new { phone = "+15555550100" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var key = await apis[0].ClientKeyAsync("token:verify");
        using var merchant = apis[0].Client(key);
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var created = await (await merchant.PostJsonAsync("/v1/token-verifications", new
        {
            requestType = "device_binding",
            network = "mastercard",
            tokenReference = token,
            pan,
            tokenRequestor = new { id = "50120834693" },
            device = new { id = "device-1" },
            risk = new { score = 50 },
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("yellow", created.Text("decision"));
        var id = created.Text("id");
        await (await merchant.PostJsonAsync($"/v1/token-verifications/{id}/otp", new { methodId = "m1" })).ReadJsonAsync(HttpStatusCode.Accepted);
        var messages = await (await admin.GetAsync($"/v1/admin/outbox?reference={id}")).ReadJsonAsync();
        return (apis, key, id, token, messages.EnumerateArray().Single().Text("code"));
    }

    private static Task<(HttpStatusCode Status, string Body)[]> CheckAllAsync(ApiProcess[] apis, string key, string id, string otp) =>
        Race.SendAsync(apis, key, Parallel, (client, _) => client.PostJsonAsync($"/v1/token-verifications/{id}/otp/verify", new { otp }));

    [Theory, MemberData(nameof(All))]
    public async Task The_right_code_verifies_once_and_binds_once(string store)
    {
        var (apis, key, id, token, code) = await PendingAsync(store);
        var answers = await CheckAllAsync(apis, key, id, code);
        output.WriteLine(Race.Summary(answers));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(Parallel - 1, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        Assert.Equal("verified", JsonDocument.Parse(answers.Single(a => a.Status == HttpStatusCode.OK).Body).RootElement.Text("status"));
        using var merchant = apis[1].Client(key);
        var bindings = await (await merchant.GetAsync($"/v1/tokens/{token}/bindings")).ReadJsonAsync();
        Assert.Equal("device-1", bindings.EnumerateArray().Single().Text("deviceId"));
    }

    [Theory, MemberData(nameof(All))]
    public async Task Wrong_codes_fail_after_exactly_three_attempts(string store)
    {
        var (apis, key, id, token, code) = await PendingAsync(store);
        var wrong = code == "000000" ? "000001" : "000000";
        var answers = await CheckAllAsync(apis, key, id, wrong);
        var counted = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => JsonDocument.Parse(a.Body).RootElement)
            .Select(j => $"{j.Text("status")}/{j.GetProperty("attemptsRemaining").GetInt32()}").Order().ToList();
        output.WriteLine(string.Join(", ", counted));

        Assert.Equal(["failed/0", "pending_idv/1", "pending_idv/2"], counted);
        Assert.Equal(Parallel - 3, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        using var merchant = apis[1].Client(key);
        Assert.Equal("failed", (await (await merchant.GetAsync($"/v1/token-verifications/{id}")).ReadJsonAsync()).Text("status"));
        Assert.Empty((await (await merchant.GetAsync($"/v1/tokens/{token}/bindings")).ReadJsonAsync()).EnumerateArray());
    }

    /// <summary>
    /// With one of its three OTPs sent, twenty more sends at once: exactly two are accepted, on either process (the one
    /// that made the step-up sends from its copy of it, the other reads the store), and the outbox holds three codes.
    /// </summary>
    [Theory, MemberData(nameof(All))]
    public async Task Parallel_sends_stop_at_the_send_limit(string store)
    {
        var (apis, key, id, _, _) = await PendingAsync(store);
        var answers = await Race.SendAsync(apis, key, Parallel,
            (client, _) => client.PostJsonAsync($"/v1/token-verifications/{id}/otp", new { methodId = "m1" }));
        output.WriteLine(Race.Summary(answers));

        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.Equal(Parallel - 2, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        using var admin = apis[1].Client();
        Assert.Equal(3, (await (await admin.GetAsync($"/v1/admin/outbox?reference={id}")).ReadJsonAsync()).GetArrayLength());
        // Every send is recorded, on each process's own chain, the refused ones too; the chains stay intact.
        var records = (await (await admin.GetAsync("/v1/admin/audit?action=token.otp.send&limit=500")).ReadJsonAsync())
            .GetProperty("records").EnumerateArray().Where(r => r.Text("reason").Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, records.Count(r => r.Text("outcome") == "sent"));
        Assert.Equal(Parallel - 2, records.Count(r => r.Text("outcome") == "refused"));
        var integrity = await (await admin.GetAsync("/v1/admin/audit/integrity")).ReadJsonAsync();
        Assert.True(integrity.GetProperty("intact").GetBoolean(), integrity.ToString());
    }
}
