using System.Data.Common;
using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Tokens;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>OTP and issuer-app step-ups: success, wrong codes, resends, expiry, app decisions and wrong-state 409s.</summary>
public sealed class TokenStepUpTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<(TestApi Api, HttpClient Merchant, string Id)> YellowAsync(string store, string prefix = "444433", string network = "visa")
    {
        var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync(prefix);
        var merchant = await api.ClientWithScopesAsync("token:verify");
        var yellow = await merchant.CreateAsync(TokenSetup.Binding(pan, network: network));
        Assert.Equal("pending_idv", yellow.Status());
        return (api, merchant, yellow.Id());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_right_otp_verifies_binds_and_purges_the_outbox(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        var sent = await (await merchant.SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(api.Clock.GetUtcNow().AddMinutes(10), sent.GetProperty("expiresAt").GetDateTimeOffset());
        var message = (await api.OutboxAsync(id))[0];
        Assert.Equal("cell_phone", message.GetProperty("channel").GetString());
        Assert.Equal(TokenSetup.Phone, message.GetProperty("recipient").GetString());
        var code = message.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9]{6}$", code);

        var verified = await (await merchant.VerifyOtpAsync(id, code)).ReadJsonAsync();
        Assert.Equal("verified", verified.Status());
        Assert.Equal(3, verified.GetProperty("attemptsRemaining").GetInt32());
        Assert.Equal("verified", (await (await merchant.GetAsync($"/v1/token-verifications/{id}")).ReadJsonAsync()).Status());
        var bindings = await (await merchant.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync();
        Assert.Equal(id, bindings[0].GetProperty("verificationId").GetString());
        Assert.Equal(0, (await api.OutboxAsync(id)).GetArrayLength());
        await (await merchant.VerifyOtpAsync(id, code)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Three_wrong_otps_fail_the_step_up(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m2")).ReadJsonAsync(HttpStatusCode.Accepted);
        var code = await api.LastCodeAsync(id);
        foreach (var (status, remaining) in new[] { ("pending_idv", 2), ("pending_idv", 1), ("failed", 0) })
        {
            var answer = await (await merchant.VerifyOtpAsync(id, TokenSetup.Wrong(code))).ReadJsonAsync();
            Assert.Equal((status, remaining), (answer.Status(), answer.GetProperty("attemptsRemaining").GetInt32()));
        }
        await (await merchant.VerifyOtpAsync(id, code)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await merchant.SendOtpAsync(id, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, (await (await merchant.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(0, (await api.OutboxAsync(id)).GetArrayLength());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_resend_replaces_the_code_and_sends_are_limited(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        var first = await api.LastCodeAsync(id);
        await (await merchant.SendOtpAsync(id, "m2")).ReadJsonAsync(HttpStatusCode.Accepted);
        await (await merchant.SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        await (await merchant.SendOtpAsync(id, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
        var last = await api.LastCodeAsync(id);
        Assert.Equal(3, (await api.OutboxAsync(id)).GetArrayLength());
        // Every send is recorded with the change it asked for, the refused one too; the chain of those records is intact.
        await using (var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync())
        {
            var sends = await db.AuditLog.Where(r => r.Action == "token.otp.send").OrderBy(r => r.Seq).Select(r => r.Outcome).ToListAsync();
            Assert.Equal(["sent", "sent", "sent", "refused"], sends);
        }
        var integrity = await (await api.Client().GetAsync("/v1/admin/audit/integrity")).ReadJsonAsync();
        Assert.True(integrity.GetProperty("intact").GetBoolean(), integrity.ToString());
        if (first != last)
        {
            Assert.Equal("pending_idv", (await (await merchant.VerifyOtpAsync(id, first)).ReadJsonAsync()).Status());
        }
        Assert.Equal("verified", (await (await merchant.VerifyOtpAsync(id, last)).ReadJsonAsync()).Status());
    }

    /// <summary>
    /// The new OTP's hash and its outbox message and the send's audit record are written by one statement: when the message cannot be
    /// stored (here its id is taken), the send fails whole: the code before it still verifies, no send is counted, no record written.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task A_send_whose_message_cannot_be_stored_changes_nothing(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        var code = await api.LastCodeAsync(id);
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        var sent = await db.Outbox.AsNoTracking().SingleAsync();
        var taken = new OutboxMessage
        {
            Id = sent.Id,
            Channel = sent.Channel,
            Recipient = sent.Recipient,
            Purpose = sent.Purpose,
            Reference = sent.Reference,
            SealedCode = sent.SealedCode,
            CreatedAt = sent.CreatedAt,
        };
        var tokens = api.Services.GetRequiredService<ITokenVerificationStore>();
        var records = await db.AuditLog.CountAsync();
        var record = new AuditEntry { At = api.Clock.GetUtcNow().UtcDateTime, Client = "test", Action = "token.otp.send", Outcome = "sent" };
        await Assert.ThrowsAnyAsync<DbException>(() => tokens.TryReplaceOtpAsync(Guid.Parse(id), new byte[32], api.Clock.GetUtcNow().UtcDateTime, taken, record, default));
        Assert.Equal(1, await db.TokenVerifications.Where(v => v.Id == Guid.Parse(id)).Select(v => v.OtpSends).SingleAsync());
        Assert.Equal(1, await db.Outbox.CountAsync());
        Assert.Equal(records, await db.AuditLog.CountAsync());
        Assert.Equal("verified", (await (await merchant.VerifyOtpAsync(id, code)).ReadJsonAsync()).Status());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_unfinished_step_up_expires_on_read_and_by_the_sweep(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        var code = await api.LastCodeAsync(id);
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("expired", (await (await merchant.GetAsync($"/v1/token-verifications/{id}")).ReadJsonAsync()).Status());
        await (await merchant.VerifyOtpAsync(id, code)).AssertProblemAsync(HttpStatusCode.Conflict);

        var tokens = api.Services.GetRequiredService<TokenVerificationService>();
        Assert.Equal(1, await tokens.ExpireDueAsync(default));
        Assert.Equal(TokenVerificationStatus.Expired, (await tokens.GetAsync(Guid.Parse(id), default)).Status);
        Assert.Equal(0, await tokens.ExpireDueAsync(default));
        Assert.Equal(0, (await api.OutboxAsync(id)).GetArrayLength());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_issuer_app_approves_or_declines_and_bank_app_has_no_otp(string store)
    {
        var (api, merchant, id) = await YellowAsync(store);
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m3")).AssertInvalidFieldAsync("methodId");
        await (await merchant.SendOtpAsync(id, "m9")).AssertInvalidFieldAsync("methodId");
        var app = await api.ClientWithScopesAsync("issuer:app");
        var approved = await (await app.PostJsonAsync($"/v1/token-verifications/{id}/app-decision", new { approved = true })).ReadJsonAsync();
        Assert.Equal("verified", approved.Status());
        await (await app.PostJsonAsync($"/v1/token-verifications/{id}/app-decision", new { approved = false })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await (await merchant.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync()).GetArrayLength());

        var pan = await api.CardholderAsync();
        var other = (await merchant.CreateAsync(TokenSetup.Binding(pan, device: "device-2"))).Id();
        var declined = await (await app.PostJsonAsync($"/v1/token-verifications/{other}/app-decision", new { approved = false })).ReadJsonAsync();
        Assert.Equal("declined", declined.Status());
        await (await merchant.SendOtpAsync(other, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await (await merchant.GetAsync("/v1/tokens/tok-1/bindings")).ReadJsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_mastercard_push_carries_an_otp_to_the_issuer_app(string store)
    {
        var (api, merchant, id) = await YellowAsync(store, "539269", "mastercard");
        await using var _ = api;
        await (await merchant.SendOtpAsync(id, "m4")).ReadJsonAsync(HttpStatusCode.Accepted);
        var message = (await api.OutboxAsync(id))[0];
        Assert.Equal("push", message.GetProperty("channel").GetString());
        Assert.StartsWith("card:", message.GetProperty("recipient").GetString());
        Assert.Equal("verified", (await (await merchant.VerifyOtpAsync(id, message.GetProperty("code").GetString()!)).ReadJsonAsync()).Status());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Step_ups_on_green_or_red_verifications_are_409(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var app = await api.ClientWithScopesAsync("issuer:app");
        foreach (var score in new[] { 1, 90 })
        {
            var id = (await api.Client().CreateAsync(TokenSetup.Binding(pan).WithRisk(score))).Id();
            await (await api.Client().SendOtpAsync(id, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await api.Client().VerifyOtpAsync(id, "123456")).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await app.PostJsonAsync($"/v1/token-verifications/{id}/app-decision", new { approved = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        }
        var yellow = (await api.Client().CreateAsync(TokenSetup.Binding(pan, device: "new").WithRisk(50))).Id();
        await (await api.Client().VerifyOtpAsync(yellow, "123456")).AssertProblemAsync(HttpStatusCode.Conflict); // no OTP sent yet
        await (await api.Client().SendOtpAsync(Guid.NewGuid().ToString(), "m1")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
