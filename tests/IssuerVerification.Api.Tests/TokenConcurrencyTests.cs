using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>20 parallel OTP checks through two replicas on one database: one verification, one binding, one callback; never too many failures.</summary>
public sealed class TokenConcurrencyTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static Task RaceAsync(string store, Func<TestApi, TestApi, string, string, Task> race) =>
        TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.RangesAsync();
            var pan = await a.CardholderAsync();
            var body = TokenSetup.Binding(pan);
            body["callbackUrl"] = "https://merchant.example/callbacks";
            var id = (await a.Client().CreateAsync(body)).Id();
            await (await a.Client().SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
            await race(a, b, id, await a.LastCodeAsync(id));
        }, new Dictionary<string, string?> { ["TokenVerification:CallbackPollMilliseconds"] = "600000" }); // callbacks stay in the table to be counted

    private static async Task<HttpResponseMessage[]> TwentyAsync(TestApi a, TestApi b, string id, string otp)
    {
        var clients = new[] { a.Client(), b.Client() };
        return await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].VerifyOtpAsync(id, otp)));
    }

    private static async Task<(int Bindings, int Callbacks, int Failures, string Status)> RowsAsync(TestApi api, string id)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        var verification = await db.TokenVerifications.SingleAsync(v => v.Id == Guid.Parse(id));
        return (await db.TokenBindings.CountAsync(), await db.TokenCallbacks.CountAsync(), verification.OtpFailures, verification.Status.ToString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Twenty_right_codes_verify_once(string store) => await RaceAsync(store, async (a, b, id, code) =>
    {
        var responses = await TwentyAsync(a, b, id, code);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal((1, 1, 0, "Verified"), await RowsAsync(a, id));
    });

    [Theory, MemberData(nameof(Stores))]
    public async Task Twenty_wrong_codes_fail_after_exactly_three(string store) => await RaceAsync(store, async (a, b, id, code) =>
    {
        var responses = await TwentyAsync(a, b, id, TokenSetup.Wrong(code));
        var answers = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            var json = await response.ReadJsonAsync();
            answers.Add($"{json.Status()}/{json.GetProperty("attemptsRemaining").GetInt32()}");
        }
        Assert.Equal(["failed/0", "pending_idv/1", "pending_idv/2"], answers.Order());
        Assert.Equal(17, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal((0, 1, 3, "Failed"), await RowsAsync(a, id));
    });
}
