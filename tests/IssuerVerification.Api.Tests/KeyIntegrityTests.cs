using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Key rows changed directly in the database: the wrapping binds id, alias, usage, algorithm and KCV, and every load
/// re-checks the KCV, so a swapped row is refused (500, logged) and never computes with the other key.
/// </summary>
public sealed class KeyIntegrityTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Swapped_wrapped_material_makes_the_range_refuse_to_compute(string store) =>
        await AssertSwapRefusedAsync(store, "Wrapped");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Swapped_aliases_make_the_range_refuse_to_compute(string store) =>
        await AssertSwapRefusedAsync(store, "Alias");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_changed_kcv_makes_the_range_refuse_to_compute(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var generate = await RangeWithTwoKeysAsync(api);
        await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Kcv\" = 'D5D44F' WHERE \"Alias\" = 'cvk-a'");
        await AssertRefusedAsync(api, generate);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_key_in_the_legacy_wrap_format_is_upgraded_at_start_and_computes_the_same(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        // The legacy format is the software provider's.
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString, ["Crypto:Provider"] = "Software" };
        try
        {
            object generate;
            string value;
            await using (var before = await TestApi.StartAsync(store, settings))
            {
                generate = await RangeWithTwoKeysAsync(before);
                value = await ValueAsync(before, generate);
                // cvk-a as a version before format 2 stored it.
                var legacy = LegacyKeyWrap.Wrap(Convert.FromHexString(TestApi.MasterKey), await IdAsync(before, "cvk-a"), "Cvk", "Tdes2Key",
                    Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210"));
                await ExecuteAsync(before, "UPDATE \"Keys\" SET \"Wrapped\" = {0} WHERE \"Alias\" = 'cvk-a'", legacy);
                Assert.Equal(1, (await WrappedAsync(before))["cvk-a"][0]);
            }

            await using var after = await TestApi.StartAsync(store, settings);
            Assert.All((await WrappedAsync(after)).Values, w => Assert.Equal(2, w[0]));
            Assert.Equal(value, await ValueAsync(after, generate));
        }
        finally
        {
            await drop();
        }
    }

    private static async Task AssertSwapRefusedAsync(string store, string column)
    {
        await using var api = await TestApi.StartAsync(store);
        var generate = await RangeWithTwoKeysAsync(api);
        if (column == "Alias")
        {
            await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Alias\" = 'cvk-swap' WHERE \"Alias\" = 'cvk-a'");
            await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Alias\" = 'cvk-a' WHERE \"Alias\" = 'cvk-b'");
            await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Alias\" = 'cvk-b' WHERE \"Alias\" = 'cvk-swap'");
        }
        else
        {
            var wrapped = await WrappedAsync(api);
            await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Wrapped\" = {0} WHERE \"Alias\" = 'cvk-a'", wrapped["cvk-b"]);
            await ExecuteAsync(api, "UPDATE \"Keys\" SET \"Wrapped\" = {0} WHERE \"Alias\" = 'cvk-b'", wrapped["cvk-a"]);
        }
        await AssertRefusedAsync(api, generate);
    }

    /// <summary>Range 444433 computes CVV2s with cvk-a; cvk-b is another CVK. Returns the generate request.</summary>
    private static async Task<object> RangeWithTwoKeysAsync(TestApi api)
    {
        foreach (var (alias, component) in new[] { ("cvk-a", "0123456789ABCDEFFEDCBA9876543210"), ("cvk-b", "89ABCDEF0123456776543210FEDCBA98") })
        {
            await (await api.Client().PostJsonAsync("/v1/admin/keys", new { alias, usage = "CVK", components = new[] { component } })).ReadJsonAsync(HttpStatusCode.Created);
        }
        await (await api.Client().PostJsonAsync("/v1/admin/card-ranges", new { panPrefix = "444433", network = "visa", keys = new { cvv2 = "cvk-a" } }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var pan = TestPans.Random("444433");
        await api.RegisterCardAsync(pan);
        var generate = new { pan, expiry = "3012", kind = "cvv2" };
        await ValueAsync(api, generate);
        return generate;
    }

    private static async Task<string> ValueAsync(TestApi api, object generate) =>
        (await (await api.Client().PostJsonAsync("/v1/cvv/generate", generate)).ReadJsonAsync()).GetProperty("value").GetString()!;

    private static async Task<Guid> IdAsync(TestApi api, string alias)
    {
        await using var db = await ContextAsync(api);
        return await db.Keys.Where(k => k.Alias == alias).Select(k => k.Id).SingleAsync();
    }

    private static async Task AssertRefusedAsync(TestApi api, object generate)
    {
        api.Clock.Advance(TimeSpan.FromSeconds(31)); // past the key cache: the next use loads the changed row
        await (await api.Client().PostJsonAsync("/v1/cvv/generate", generate)).AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Contains(api.Logs.Lines, line => line.Contains("Key 'cvk-a' failed its integrity check", StringComparison.Ordinal));
        await (await api.Client().PostJsonAsync("/v1/cvv/generate", generate)).AssertProblemAsync(HttpStatusCode.InternalServerError);
    }

    private static async Task<Dictionary<string, byte[]>> WrappedAsync(TestApi api)
    {
        await using var db = await ContextAsync(api);
        return await db.Keys.AsNoTracking().ToDictionaryAsync(k => k.Alias, k => k.Wrapped);
    }

    private static async Task ExecuteAsync(TestApi api, string sql, params object[] parameters)
    {
        await using var db = await ContextAsync(api);
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    private static Task<Store.IssuerDbContext> ContextAsync(TestApi api) =>
        api.Services.GetRequiredService<IDbContextFactory<Store.IssuerDbContext>>().CreateDbContextAsync();
}
