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

    /// <summary>
    /// Creates and OTP sends share one writer (a batch may hold both, and some statements of a batch return nothing): every
    /// send gets its own answer, and each counts once.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task Sends_and_creates_at_once_each_get_their_own_answer(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var client = api.Client();
        var ids = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            ids.Add((await client.CreateAsync(TokenSetup.Binding(pan, device: $"device-{i}"))).Id());
        }
        var sends = ids.Select(id => client.SendOtpAsync(id, "m1")).ToList();
        var creates = Enumerable.Range(15, 15).Select(i => client.CreateAsync(TokenSetup.Binding(pan, device: $"device-{i}"))).ToList();
        await Task.WhenAll(Task.WhenAll(sends), Task.WhenAll(creates));
        foreach (var send in sends)
        {
            await (await send).ReadJsonAsync(HttpStatusCode.Accepted);
        }
        Assert.All(creates, c => Assert.Equal("pending_idv", c.Result.Status()));
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        var counted = await db.TokenVerifications.Where(v => v.OtpSends > 0).Select(v => v.Id).ToListAsync();
        Assert.Equal(ids.Order(), counted.Select(id => id.ToString()).Order());
        Assert.Equal(15, await db.Outbox.CountAsync());
    }
}
