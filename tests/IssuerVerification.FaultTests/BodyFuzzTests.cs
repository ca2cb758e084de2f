using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using IssuerVerification.FaultTests.Fuzz;
using IssuerVerification.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace IssuerVerification.FaultTests;

/// <summary>
/// Every endpoint's valid body, mutated (wrong types, nulls, unicode, control characters, huge and negative numbers,
/// duplicate names, names in another case): never a 5xx, every non-2xx a problem, and a 4xx leaves the store as it was
/// (every table dumped, ordered, before and after).
/// </summary>
public sealed class BodyFuzzTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int CasesPerStore = 200;

    public static TheoryData<string> All => Stores.All;

    [Theory, MemberData(nameof(All))]
    public async Task Mutated_bodies_get_no_5xx_a_problem_for_every_error_and_4xx_change_nothing(string store)
    {
        var database = await fixture.CreateDatabaseAsync(store);
        await using var api = await ApiProcess.StartAsync(database);
        var endpoints = await EndpointsAsync(api);
        using var client = api.Client(await api.OperatorKeyAsync(), timeout: TimeSpan.FromSeconds(20));
        var before = await database.DumpAsync();
        var statuses = new Dictionary<int, int>();

        void Check(FuzzCase c) => Task.Run(async () =>
        {
            using var response = await client.SendRawAsync(c.Endpoint.Method, c.Endpoint.Path, c.Json);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await database.DumpAsync();
            try
            {
                Assert.True(status < 500, $"{status}: {text}");
                if (status >= 300)
                {
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                        $"{status} as {response.Content.Headers.ContentType?.MediaType}: {text}");
                }
                if (status is >= 400 and < 500)
                {
                    // A refused request changes nothing but the audit trail (on PostgreSQL also seen in its month's partition), which records the refusal.
                    var changed = after.Except(before).Where(r => !(r.StartsWith("AuditLog", StringComparison.Ordinal) && r.Contains("|Outcome=refused|", StringComparison.Ordinal)))
                        .Concat(before.Except(after).Select(r => "- " + r)).Take(5).ToList();
                    Assert.True(changed.Count == 0, $"{status} changed the store: {string.Join("\n", changed)}");
                }
            }
            finally
            {
                before = after;
            }
        }).GetAwaiter().GetResult();

        try
        {
            Prop.ForAll(Mutations.Cases(endpoints), (Action<FuzzCase>)Check)
                .Check(Config.QuickThrowOnFailure.WithMaxTest(CasesPerStore).WithQuietOnSuccess(true));
        }
        finally
        {
            output.WriteLine($"{store}: {statuses.Values.Sum()} requests; " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        }
    }

    private static async Task<List<Endpoint>> EndpointsAsync(ApiProcess api)
    {
        await api.MastercardRangeAsync(new { maxFailures = 5 });
        using var client = api.Client();
        var alias = "fuzz-cvk";
        await (await client.PostJsonAsync("/v1/admin/keys", new { alias, usage = "CVK", components = new[] { Admin.Cvk } })).ReadJsonAsync(HttpStatusCode.Created);
        var pan = TestPans.Random("539269");
        await api.RegisterCardAsync(pan);
        var cardId = await api.RegisterCardAsync(TestPans.Random("539269"));
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        static Func<JsonObject> Body(Func<object> o) => () => System.Text.Json.JsonSerializer.SerializeToNode(o(), Json.Web)!.AsObject();
        static string Unique() => Guid.NewGuid().ToString("N")[..8];
        return
        [
            new(HttpMethod.Post, "/v1/cvv/generate", Body(() => new { pan, expiry = "3012", kind = "cvv1", serviceCode = "101" })),
            new(HttpMethod.Post, "/v1/cvv/verify", Body(() => new { pan, expiry = "3012", kind = "cvv2", value = "123" })),
            new(HttpMethod.Post, "/v1/cvc3/generate", Body(() => new { pan, psn = "00", ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0001" })),
            new(HttpMethod.Post, "/v1/cvc3/verify", Body(() => new { pan, psn = "00", ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0002", cvc3 = "123" })),
            new(HttpMethod.Post, "/v1/dcvv/generate", Body(() => new { pan, expiry = "3012", serviceCode = "201", atc = "0001" })),
            new(HttpMethod.Post, "/v1/dcvv/verify", Body(() => new { pan, expiry = "3012", serviceCode = "201", atc = "0002", dcvv = "123" })),
            new(HttpMethod.Post, "/v1/dcvv2/generate", Body(() => new { pan, count = 2 })),
            new(HttpMethod.Post, "/v1/dcvv2/verify", Body(() => new { pan, dcvv2 = "123", transactionTime = now })),
            new(HttpMethod.Post, "/v1/admin/keys", Body(() => new { alias = "fuzz-key-" + Unique(), usage = "CVK", algorithm = "TDES_2KEY", components = new[] { Admin.Cvk } })),
            new(HttpMethod.Post, "/v1/admin/card-ranges", Body(() => new
            {
                panPrefix = "5412" + Random.Shared.Next(100, 999), network = "mastercard", keys = new { cvv2 = alias }, cvv2ExpiryFormat = "YYMM", iccDerivation = "option_b",
                dcvv2 = new { windowMinutes = 60, graceSeconds = 300, singleUse = false }, lockout = new { maxFailures = 5, lockMinutes = 30 },
            })),
            new(HttpMethod.Post, "/v1/admin/cards", Body(() => new
            {
                pan = TestPans.Random("539269"), expiry = "3012", psn = "01", status = "active",
                cardholder = new { name = "FUZZ HOLDER " + Unique(), phone = "+441234567890", email = "fuzz@example.com", bankApp = true },
            })),
            new(HttpMethod.Patch, $"/v1/admin/cards/{cardId}", Body(() => new { status = "active", cardholder = new { name = "FUZZ " + Unique(), bankApp = false } })),
            new(HttpMethod.Post, "/v1/admin/clients", Body(() => new { name = "fuzz-client-" + Unique(), scopes = new[] { "card:verify" } })),
        ];
    }
}
