using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>Two replicas of the service on one database, each with its own card state cache.</summary>
public sealed class ReplicaTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Locks_and_status_changes_reach_the_other_replica(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
        try
        {
            await using var a = await TestApi.StartAsync(store, settings);
            await using var b = await TestApi.StartAsync(store, settings);
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
        }
        finally
        {
            await drop();
        }
    }
}
