using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

public sealed class CardVerificationTests
{
    private const string Imk = "674B191AD1163E273AB3B8F935E1D668";
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";

    public static TheoryData<string> Stores => TestStores.All;

    private static async Task<(TestApi Api, string Pan)> StartAsync(string store, object? settings = null)
    {
        var api = await TestApi.StartAsync(store);
        await api.RangeAsync("539269", new Dictionary<string, string?> { ["cvc3"] = Imk, ["cvv2"] = Cvk, ["cvv1"] = Cvk, ["icvv"] = Cvk, ["dcvv"] = Imk },
            settings, "mastercard");
        return (api, await api.CardAsync("539269"));
    }

    private static async Task<string> Cvc3Async(HttpClient client, string pan, int atc)
    {
        var request = new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = atc.ToString("X4") };
        var body = await (await client.PostJsonAsync("/v1/cvc3/generate", request)).ReadJsonAsync();
        return body.GetProperty("cvc3").GetString()![2..];
    }

    private static async Task<string> Cvc3FiveAsync(HttpClient client, string pan, int atc) => (await (await client.PostJsonAsync("/v1/cvc3/generate",
        new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = atc.ToString("X4") })).ReadJsonAsync()).GetProperty("cvc3").GetString()!;

    private static async Task<string> DcvvAsync(HttpClient client, string pan, string atc) => (await (await client.PostJsonAsync("/v1/dcvv/generate",
        new { pan, expiry = "3012", serviceCode = "201", atc })).ReadJsonAsync()).GetProperty("dcvv").GetString()!;

    private static object Cvc3Body(string pan, int atc, string? cvc3) =>
        new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = atc.ToString("X4"), cvc3 };

    private static async Task<string> VerifyCvc3Async(HttpClient client, string pan, int atc) =>
        await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, atc, await Cvc3Async(client, pan, atc)));

    [Theory, MemberData(nameof(Stores))]
    public async Task Atc_must_rise_by_1_to_1000(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        Assert.Equal(Setup.Match, await VerifyCvc3Async(client, pan, 100));
        Assert.Equal("no_match/atc_replay", await VerifyCvc3Async(client, pan, 100));
        Assert.Equal("no_match/atc_replay", await VerifyCvc3Async(client, pan, 99));
        Assert.Equal("no_match/atc_out_of_range", await VerifyCvc3Async(client, pan, 1101));
        Assert.Equal(Setup.Match, await VerifyCvc3Async(client, pan, 1100));
        Assert.Equal(Setup.Match, await VerifyCvc3Async(client, pan, 1101));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_replayed_atc_is_refused_without_saying_whether_the_value_was_right(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        var good = await Cvc3Async(client, pan, 100);
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 100, good)));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 100, WrongDigit.Last(good))));
        Assert.Equal("no_match/atc_out_of_range", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 1101, "000")));
        var dcvv = new { pan, expiry = "3012", serviceCode = "201", atc = "0005", dcvv = "000" };
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/dcvv/verify", dcvv with { dcvv = await DcvvAsync(client, pan, "0005") }));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/dcvv/verify", dcvv with { atc = "0004", dcvv = await DcvvAsync(client, pan, "0004") }));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/dcvv/verify", dcvv with { atc = "0004", dcvv = WrongDigit.Last(await DcvvAsync(client, pan, "0004")) }));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_range_says_how_many_cvc3_digits_are_compared_never_the_request(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        var five = await Cvc3FiveAsync(client, pan, 7);
        Assert.Equal("no_match/value_mismatch", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 7, five)));
        Assert.Equal("no_match/value_mismatch", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 7, five[1..])));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 7, five[2..])));

        var range = (await (await client.GetAsync("/v1/admin/card-ranges")).ReadJsonAsync())[0];
        Assert.Equal(3, range.GetProperty("cvc3Digits").GetInt32());
        await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{range.GetProperty("id").GetString()}", new { cvc3Digits = 6 })).AssertInvalidFieldAsync("cvc3Digits");
        await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{range.GetProperty("id").GetString()}", new { cvc3Digits = 5 })).ReadJsonAsync();
        var next = await Cvc3FiveAsync(client, pan, 8);
        Assert.Equal("no_match/value_mismatch", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 8, next[2..])));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 8, next)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_no_match_does_not_advance_the_atc(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        Assert.Equal(Setup.Match, await VerifyCvc3Async(client, pan, 10));
        var good = await Cvc3Async(client, pan, 11);
        var wrong = WrongDigit.Last(good);
        Assert.Equal("no_match/value_mismatch", await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 11, wrong)));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 11, good)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cvc3_and_dcvv_count_their_atcs_separately(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        Assert.Equal(Setup.Match, await VerifyCvc3Async(client, pan, 500));
        var dcvv = (await (await client.PostJsonAsync("/v1/dcvv/generate", new { pan, expiry = "3012", serviceCode = "201", atc = "0005" })).ReadJsonAsync())
            .GetProperty("dcvv").GetString();
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/dcvv/verify", new { pan, expiry = "3012", serviceCode = "201", atc = "0005", dcvv }));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/dcvv/verify", new { pan, expiry = "3012", serviceCode = "201", atc = "0005", dcvv }));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Of_24_concurrent_requests_with_one_atc_exactly_one_matches(string store)
    {
        var (api, pan) = await StartAsync(store, new { lockout = new { maxFailures = 100 } });
        await using var _ = api;
        var client = api.Client();
        var cvc3 = await Cvc3Async(client, pan, 42);
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => api.Client().VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 42, cvc3))));
        Assert.Single(results, r => r == Setup.Match);
        Assert.All(results.Where(r => r != Setup.Match), r => Assert.Equal("no_match/atc_replay", r));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Lockout_counts_failures_across_clients_and_expires(string store)
    {
        var (api, pan) = await StartAsync(store, new { lockout = new { maxFailures = 3, lockMinutes = 10 } });
        await using var _ = api;
        var merchantA = await api.ClientWithScopesAsync("card:verify");
        var merchantB = await api.ClientWithScopesAsync("card:verify");
        var cvv2 = (await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync())
            .GetProperty("value").GetString()!;
        var wrong = WrongDigit.Last(cvv2);
        object Cvv(string value) => new { pan, expiry = "3012", kind = "cvv2", value };

        // maxFailures - 1 failures, then a match resets the count.
        Assert.Equal("no_match/value_mismatch", await merchantA.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal("no_match/value_mismatch", await merchantB.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal(Setup.Match, await merchantA.VerifyAsync("/v1/cvv/verify", Cvv(cvv2)));

        // maxFailures consecutive failures from two clients lock the card, even for the right value.
        Assert.Equal("no_match/value_mismatch", await merchantA.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal("no_match/value_mismatch", await merchantB.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal("no_match/value_mismatch", await merchantA.VerifyAsync("/v1/cvv/verify", Cvv(wrong)));
        Assert.Equal("no_match/card_locked", await merchantB.VerifyAsync("/v1/cvv/verify", Cvv(cvv2)));
        Assert.Equal("no_match/card_locked", await merchantA.VerifyAsync("/v1/cvc3/verify", Cvc3Body(pan, 1, "000")));

        api.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("no_match/card_locked", await merchantB.VerifyAsync("/v1/cvv/verify", Cvv(cvv2)));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Setup.Match, await merchantB.VerifyAsync("/v1/cvv/verify", Cvv(cvv2)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Inactive_card_answers_card_inactive_and_gets_no_values(string store)
    {
        var (api, _) = await StartAsync(store);
        await using var __ = api;
        var pan = TestPans.Random("539269");
        await api.RegisterCardAsync(pan, status: "lost");
        Assert.Equal("no_match/card_inactive", await api.Client().VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = "123" }));
        await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task No_range_or_no_key_is_422(string store)
    {
        var (api, _) = await StartAsync(store);
        await using var __ = api;
        var noRange = await (await api.Client().PostJsonAsync("/v1/cvv/verify", new { pan = TestPans.Random("411111"), expiry = "3012", kind = "cvv2", value = "123" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/no-card-range", noRange.GetProperty("type").GetString());
        await api.RangeAsync("411111", new Dictionary<string, string?> { ["cvv2"] = Cvk });
        var noKey = await (await api.Client().PostJsonAsync("/v1/dcvv/verify", new { pan = TestPans.Random("411111"), expiry = "3012", serviceCode = "101", atc = "0001", dcvv = "123" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/no-key", noKey.GetProperty("type").GetString());
        Assert.Contains("dcvv slot", noKey.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Longest_prefix_wins(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        // The 9-digit range has no CVV2 key while the 6-digit one has: a 422 proves the longer prefix was chosen.
        await api.RangeAsync(pan[..9], new Dictionary<string, string?> { ["cvv1"] = Cvk });
        var problem = await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/no-key", problem.GetProperty("type").GetString());
        await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan = TestPans.Random("539268"), expiry = "3012", kind = "cvv2" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Every_verification_is_audited_without_value_or_pan(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var merchant = await api.ClientWithScopesAsync("card:verify");
        var cvv2 = (await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync())
            .GetProperty("value").GetString()!;
        var wrong = WrongDigit.Last(cvv2);
        Assert.Equal("no_match/value_mismatch", await merchant.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = wrong }));
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "cvv2.verify");
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, entry.At);
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
        Assert.StartsWith("client-", entry.Client);
        Assert.NotNull(entry.CardFingerprint);
        Assert.Equal(32, entry.CardFingerprint!.Length);
        Assert.Equal("no_match", entry.Outcome);
        Assert.Equal("value_mismatch", entry.Reason);
        await StoreInspection.AssertNotInAnyColumnAsync(api, pan);
    }
}
