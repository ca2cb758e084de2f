using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>Two replicas of the service on one database, each with its own card state cache.</summary>
public sealed class ReplicaTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Locks_and_status_changes_reach_the_other_replica(string store)
    {
        await TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = null }, new { lockout = new { maxFailures = 3, lockMinutes = 10 } });
            var pan = TestPans.Random("444433");
            var cardId = await a.RegisterCardAsync(pan);
            var value = (await (await a.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).GetProperty("value").GetString()!;
            object Cvv2(string v) => new { pan, expiry = "3012", kind = "cvv2", value = v };
            var wrong = WrongDigit.Last(value);

            Assert.Equal(Setup.Match, await b.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal("no_match/value_mismatch", await a.Client().VerifyAsync("/v1/cvv/verify", Cvv2(wrong)));
            }
            Assert.Equal("no_match/card_locked", await a.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));
            // B read the card before the lock, but the lock is decided when the outcome becomes durable: no guess counts there either.
            Assert.Equal("no_match/card_locked", await b.Client().VerifyAsync("/v1/cvv/verify", Cvv2(wrong)));
            Assert.Equal("no_match/card_locked", await b.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));

            a.Clock.Advance(TimeSpan.FromMinutes(10));
            b.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(Setup.Match, await b.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));
            await (await a.Client().PatchJsonAsync($"/v1/admin/cards/{cardId}", new { status = "stolen" })).ReadJsonAsync();
            Assert.Equal("no_match/card_inactive", await a.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));
            // The other replica sees the status change once its copy of the card's state expires (5 s by default).
            b.Clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal("no_match/card_inactive", await b.Client().VerifyAsync("/v1/cvv/verify", Cvv2(value)));
        });
    }

    /// <summary>
    /// The replica that made a step-up sends its OTPs from its own copy of the fixed fields; the other reads the store. Sends
    /// from both count against one limit, and a step-up ended on one replica takes no OTP on the other.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task A_step_up_is_sent_from_either_replica_under_one_limit_and_ends_on_both(string store)
    {
        await TestApi.WithReplicasAsync(store, async (a, b) =>
        {
            await a.RangesAsync();
            var pan = await a.CardholderAsync();
            var id = (await a.Client().CreateAsync(TokenSetup.Binding(pan))).Id();
            await (await b.Client().SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
            await (await a.Client().SendOtpAsync(id, "m2")).ReadJsonAsync(HttpStatusCode.Accepted);
            await (await b.Client().SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
            var spent = await (await a.Client().SendOtpAsync(id, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("All 3 OTPs", spent.GetProperty("detail").GetString());
            await (await a.Client().SendOtpAsync(id, "m9")).AssertInvalidFieldAsync("methodId");
            Assert.Equal(3, (await a.OutboxAsync(id)).GetArrayLength());

            var other = (await a.Client().CreateAsync(TokenSetup.Binding(pan, device: "device-2"))).Id();
            await (await a.Client().SendOtpAsync(other, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
            Assert.Equal("verified", (await (await b.Client().VerifyOtpAsync(other, await a.LastCodeAsync(other))).ReadJsonAsync()).Status());
            var ended = await (await a.Client().SendOtpAsync(other, "m1")).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("verified", ended.GetProperty("detail").GetString());
            Assert.Equal(0, (await a.OutboxAsync(other)).GetArrayLength());
        });
    }
}
