using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>Values are generated for registered, active cards only, unless the card range allows unregistered PANs.</summary>
public sealed class GenerationPolicyTests
{
    private const string Imk = "674B191AD1163E273AB3B8F935E1D668";
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210";

    public static TheoryData<string> Stores => TestStores.All;

    private static readonly Dictionary<string, string?> AllSlots = new()
    {
        ["cvv1"] = Cvk,
        ["cvv2"] = Cvk,
        ["icvv"] = Cvk,
        ["cvc3"] = Imk,
        ["dcvv"] = Imk,
        ["dcvv2"] = Cvk,
    };

    /// <summary>One request to each value-generating endpoint for <paramref name="pan"/>.</summary>
    private static IEnumerable<(string Path, object Body)> Generations(string pan) =>
    [
        ("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv1", serviceCode = "101" }),
        ("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" }),
        ("/v1/cvv/generate", new { pan, expiry = "3012", kind = "icvv" }),
        ("/v1/cvc3/generate", new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0001" }),
        ("/v1/dcvv/generate", new { pan, expiry = "3012", serviceCode = "201", atc = "0001" }),
        ("/v1/dcvv2/generate", new { pan, count = 1 }),
    ];

    [Theory, MemberData(nameof(Stores))]
    public async Task An_unregistered_pan_gets_no_values_by_default(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("539269", AllSlots, network: "mastercard");
        var client = api.Client();
        var unregistered = TestPans.Random("539269");
        foreach (var (path, body) in Generations(unregistered))
        {
            var problem = await (await client.PostJsonAsync(path, body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.EndsWith("/card-not-registered", problem.GetProperty("type").GetString());
            Assert.DoesNotContain(unregistered, problem.GetRawText());
        }
        // Verification of an unregistered PAN still answers.
        Assert.Contains(await client.VerifyAsync("/v1/cvv/verify", new { pan = unregistered, expiry = "3012", kind = "cvv2", value = "000" }),
            new[] { Setup.Match, "no_match/value_mismatch" });

        var registered = await api.CardAsync("539269");
        foreach (var (path, body) in Generations(registered))
        {
            await (await client.PostJsonAsync(path, body)).ReadJsonAsync();
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_range_that_allows_unregistered_pans_generates_for_them_and_the_setting_can_be_changed(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("539269", AllSlots, new { generateForUnregisteredCards = true }, "mastercard");
        var client = api.Client();
        foreach (var (path, body) in Generations(TestPans.Random("539269")))
        {
            await (await client.PostJsonAsync(path, body)).ReadJsonAsync();
        }

        var range = (await (await client.GetAsync("/v1/admin/card-ranges")).ReadJsonAsync())[0];
        Assert.True(range.GetProperty("generateForUnregisteredCards").GetBoolean());
        var changed = await (await client.PatchJsonAsync($"/v1/admin/card-ranges/{range.GetProperty("id").GetString()}", new { generateForUnregisteredCards = false }))
            .ReadJsonAsync();
        Assert.False(changed.GetProperty("generateForUnregisteredCards").GetBoolean());
        await (await client.PostJsonAsync("/v1/cvv/generate", new { pan = TestPans.Random("539269"), expiry = "3012", kind = "cvv2" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_inactive_card_gets_no_values_even_where_unregistered_pans_do(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("539269", AllSlots, new { generateForUnregisteredCards = true }, "mastercard");
        var blocked = TestPans.Random("539269");
        await api.RegisterCardAsync(blocked, status: "blocked");
        foreach (var (path, body) in Generations(blocked))
        {
            var problem = await (await api.Client().PostJsonAsync(path, body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.EndsWith("/card-not-active", problem.GetProperty("type").GetString());
        }
    }
}
