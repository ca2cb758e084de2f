using System.Net;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

public sealed class Dcvv2Tests
{
    public static TheoryData<string> Stores => TestStores.All;

    public static TheoryData<string, string> VectorCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var store in TestStores.All)
            {
                foreach (var vector in VectorFile.Of("dcvv2"))
                {
                    data.Add(store, vector.GetProperty("id").GetString()!);
                }
            }
            return data;
        }
    }

    [Theory, MemberData(nameof(VectorCases))]
    public async Task Vector_generates_and_verifies_through_the_api(string store, string id)
    {
        var vector = VectorFile.ById(id);
        var pan = vector.Input("pan");
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync(pan[..8], new Dictionary<string, string?> { ["dcvv2"] = vector.Input("key") },
            new { dcvv2 = new { windowMinutes = int.Parse(vector.Input("window_minutes")) } });
        api.Clock.Set(DateTimeOffset.FromUnixTimeSeconds(long.Parse(vector.Input("unix_seconds"))));
        await api.RegisterCardAsync(pan);

        var issued = await GenerateAsync(api.Client(), new { pan, count = 1 });
        var first = issued.GetProperty("values")[0];
        Assert.Equal(vector.Expected("dcvv2"), first.GetProperty("dcvv2").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(long.Parse(vector.Expected("window_start_unix")!)), first.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(long.Parse(vector.Expected("window_end_unix")!)), first.GetProperty("validUntil").GetDateTimeOffset());
        Assert.Equal(Setup.Match, await api.Client().VerifyAsync("/v1/dcvv2/verify", new { pan, dcvv2 = vector.Expected("dcvv2") }));
    }

    private static async Task<(TestApi Api, string Pan)> StartAsync(string store, object? dcvv2 = null, object? lockout = null)
    {
        var api = await TestApi.StartAsync(store);
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["dcvv2"] = null }, new { dcvv2, lockout });
        return (api, await api.CardAsync("444433"));
    }

    private static async Task<JsonElement> GenerateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync("/v1/dcvv2/generate", body)).ReadJsonAsync();

    /// <summary>Verifies as the transaction happens: the clock moves to the transaction time (it must be near now).</summary>
    private static Task<string> VerifyAsync(TestApi api, string pan, string dcvv2, DateTimeOffset? transactionTime = null)
    {
        if (transactionTime is { } time)
        {
            api.Clock.Set(time);
        }
        return api.Client().VerifyAsync("/v1/dcvv2/verify", new { pan, dcvv2, transactionTime });
    }

    private static string Value(JsonElement issue, int i) => issue.GetProperty("values")[i].GetProperty("dcvv2").GetString()!;

    [Theory, MemberData(nameof(Stores))]
    public async Task Sarahs_card_gets_three_values_and_each_verifies_only_in_its_window(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        pan = TestPans.Random("444433"); // registered here, to know its id
        var cardId = await api.RegisterCardAsync(pan);
        var website = await api.ClientWithScopesAsync("dcvv2:generate");
        var issue = await GenerateAsync(website, new { cardId, count = 3 });
        Assert.Equal(pan[..6] + "******" + pan[^4..], issue.GetProperty("maskedPan").GetString());
        Assert.Equal(60, issue.GetProperty("windowMinutes").GetInt32());
        Assert.Equal("2026-11-21T10:00:00Z", issue.GetProperty("values")[0].GetProperty("validFrom").GetString());
        var values = issue.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(3, values.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), values[0].GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(values[0].GetProperty("validUntil").GetDateTimeOffset(), values[1].GetProperty("validFrom").GetDateTimeOffset());

        Assert.Equal(Setup.Match, await VerifyAsync(api, pan, Value(issue, 0)));
        if (Value(issue, 1) != Value(issue, 0))
        {
            Assert.Equal("no_match/value_mismatch", await VerifyAsync(api, pan, Value(issue, 1)));
        }
        api.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Setup.Match, await VerifyAsync(api, pan, Value(issue, 1)));
        api.Clock.Set(values[2].GetProperty("validFrom").GetDateTimeOffset().AddMinutes(10));
        var verified = await (await api.Client().PostJsonAsync("/v1/dcvv2/verify", new { pan, dcvv2 = Value(issue, 2), transactionTime = api.Clock.GetUtcNow().AddMinutes(-10) }))
            .ReadJsonAsync();
        Assert.Equal("match", verified.GetProperty("result").GetString());
        Assert.Equal(values[2].GetProperty("validUntil").GetDateTimeOffset(), verified.GetProperty("validUntil").GetDateTimeOffset());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Windows_not_issued_and_expired(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        Assert.Equal("no_match/window_not_issued", await VerifyAsync(api, pan, "123"));

        var issue = await GenerateAsync(api.Client(), new { pan, count = 2 });
        var start = issue.GetProperty("values")[0].GetProperty("validFrom").GetDateTimeOffset();
        Assert.Equal("no_match/window_not_issued", await VerifyAsync(api, pan, Value(issue, 0), start.AddSeconds(-1)));
        Assert.Equal("no_match/window_expired", await VerifyAsync(api, pan, Value(issue, 1), start.AddHours(2).AddSeconds(301)));
        Assert.Equal("no_match/window_expired", await VerifyAsync(api, pan, Value(issue, 1), start.AddDays(3)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Grace_period_boundary(string store)
    {
        var (api, pan) = await StartAsync(store, new { windowMinutes = 15, graceSeconds = 120 });
        await using var _ = api;
        var issue = await GenerateAsync(api.Client(), new { pan, count = 1 });
        var end = issue.GetProperty("values")[0].GetProperty("validUntil").GetDateTimeOffset();
        Assert.Equal(Setup.Match, await VerifyAsync(api, pan, Value(issue, 0), end.AddSeconds(-1)));
        Assert.Equal(Setup.Match, await VerifyAsync(api, pan, Value(issue, 0), end.AddSeconds(120)));
        Assert.Equal("no_match/window_expired", await VerifyAsync(api, pan, Value(issue, 0), end.AddSeconds(121)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Single_use_window_matches_once_even_concurrently(string store)
    {
        var (api, pan) = await StartAsync(store, new { singleUse = true }, new { maxFailures = 100 });
        await using var _ = api;
        var issue = await GenerateAsync(api.Client(), new { pan, count = 2 });
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => VerifyAsync(api, pan, Value(issue, 0))));
        Assert.Single(results, r => r == Setup.Match);
        Assert.All(results.Where(r => r != Setup.Match), r => Assert.Equal("no_match/already_used", r));
        api.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Setup.Match, await VerifyAsync(api, pan, Value(issue, 1)));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Reissuing_overlapping_windows_gives_the_same_values_and_records_windows_only(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var first = await GenerateAsync(api.Client(), new { pan, count = 2 });
        api.Clock.Advance(TimeSpan.FromHours(1));
        var second = await GenerateAsync(api.Client(), new { pan, count = 24 });
        Assert.Equal(Value(first, 1), Value(second, 0));
        Assert.Equal(24, second.GetProperty("values").GetArrayLength());

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        var issuances = await db.Dcvv2Issuances.OrderBy(i => i.IssuedAt).ToListAsync();
        Assert.Equal(2, issuances.Count);
        Assert.Equal(issuances[0].FirstWindow + 1, issuances[1].FirstWindow);
        Assert.Equal(issuances[1].FirstWindow + 23, issuances[1].LastWindow);
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "dcvv2.generate"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Lockout_and_inactive_cards_apply(string store)
    {
        var (api, pan) = await StartAsync(store, lockout: new { maxFailures = 2 });
        await using var _ = api;
        var issue = await GenerateAsync(api.Client(), new { pan, count = 1 });
        var wrong = WrongDigit.At(Value(issue, 0), 2);
        Assert.Equal("no_match/value_mismatch", await VerifyAsync(api, pan, wrong));
        Assert.Equal("no_match/value_mismatch", await VerifyAsync(api, pan, wrong));
        Assert.Equal("no_match/card_locked", await VerifyAsync(api, pan, Value(issue, 0)));

        var stolen = TestPans.Random("444433");
        var cardId = await api.RegisterCardAsync(stolen, status: "stolen");
        var problem = await (await api.Client().PostJsonAsync("/v1/dcvv2/generate", new { cardId, count = 1 })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("/card-not-active", problem.GetProperty("type").GetString());
        Assert.Equal("no_match/card_inactive", await VerifyAsync(api, stolen, "123"));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Bad_input(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        var client = api.Client();
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan, count = 0 })).AssertInvalidFieldAsync("count");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan, count = 25 })).AssertInvalidFieldAsync("count");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan })).AssertInvalidFieldAsync("count");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { count = 1 })).AssertInvalidFieldAsync("pan");
        pan = TestPans.Random("444433"); // registered here, to know its id
        var cardId = await api.RegisterCardAsync(pan);
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan, cardId, count = 1 })).AssertInvalidFieldAsync("pan");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan = WrongDigit.Last(pan), count = 1 })).AssertInvalidFieldAsync("pan");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { cardId = Guid.NewGuid(), count = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/v1/dcvv2/verify", new { pan, dcvv2 = "12" })).AssertInvalidFieldAsync("dcvv2");
        await (await client.PostJsonAsync("/v1/dcvv2/verify", new { pan, dcvv2 = "123", transactionTime = "yesterday" })).AssertInvalidFieldAsync("transactionTime");
        await (await client.PostJsonAsync("/v1/dcvv2/verify", new { pan, dcvv2 = "123", transactionTime = api.Clock.GetUtcNow().AddMinutes(6) })).AssertInvalidFieldAsync("transactionTime");
        await (await client.PostJsonAsync("/v1/dcvv2/verify", new { pan, dcvv2 = "123", transactionTime = api.Clock.GetUtcNow().AddHours(-25) })).AssertInvalidFieldAsync("transactionTime");

        await using var db = await api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Dcvv2Issuances.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync(e => e.CardFingerprint != null)); // the set-up's admin changes are audited
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Values_never_reach_logs_or_the_store(string store)
    {
        var (api, pan) = await StartAsync(store);
        await using var _ = api;
        await GenerateAsync(api.Client(), new { pan, count = 24 });
        await VerifyAsync(api, pan, "123");
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(pan, StringComparison.Ordinal));
        await StoreInspection.AssertNotInAnyColumnAsync(api, pan);
    }
}
