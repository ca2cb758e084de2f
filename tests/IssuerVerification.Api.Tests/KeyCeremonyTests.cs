using System.Net;
using System.Security.Cryptography;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>Key ceremonies: split knowledge (one component per custodian) and dual control (never twice the same client).</summary>
public sealed class KeyCeremonyTests
{
    private const string Key = "0123456789ABCDEFFEDCBA9876543210"; // KCV 08D7B4, the published test key
    private const string Ceremonies = "/v1/admin/key-ceremonies";

    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Two_custodians_complete_a_ceremony_and_only_the_kcvs_are_kept(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (ana, ben) = (await api.ClientWithScopesAsync("key:custodian"), await api.ClientWithScopesAsync("key:custodian"));
        var first = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var second = Xor(Key, first);
        var id = await OpenAsync(api, "cvk-ceremony", 2);

        var one = await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).ReadJsonAsync();
        Assert.Equal(IndependentKcv(first), one.GetProperty("componentKcv").GetString());
        Assert.Equal("open", one.GetProperty("ceremony").GetProperty("status").GetString());
        await (await api.Client().GetAsync("/v1/admin/keys/cvk-ceremony")).AssertProblemAsync(HttpStatusCode.NotFound);

        var last = await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = second.ToLowerInvariant() });
        var two = await last.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/v1/admin/keys/cvk-ceremony", last.Headers.Location?.ToString());
        Assert.Equal(IndependentKcv(second), two.GetProperty("componentKcv").GetString());
        var ceremony = two.GetProperty("ceremony");
        Assert.Equal(("completed", "08D7B4"), (ceremony.GetProperty("status").GetString(), ceremony.GetProperty("kcv").GetString()));
        Assert.Equal([IndependentKcv(first), IndependentKcv(second)], ceremony.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("kcv").GetString()));
        var key = await (await api.Client().GetAsync("/v1/admin/keys/cvk-ceremony")).ReadJsonAsync();
        Assert.Equal(("08D7B4", "active"), (key.GetProperty("kcv").GetString(), key.GetProperty("status").GetString()));
        Assert.Equal("completed", (await (await api.Client().GetAsync($"{Ceremonies}/{id}")).ReadJsonAsync()).GetProperty("status").GetString());

        var columns = await StoreInspection.AllColumnsAsync(api);
        foreach (var secret in new[] { first, second, Key })
        {
            Assert.DoesNotContain(columns, c => Text(c.Value).Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains(columns, c => c.Column.EndsWith(".Reason", StringComparison.Ordinal) && Text(c.Value).Contains($"kcv {IndependentKcv(first)}", StringComparison.Ordinal));
        Assert.Contains(columns, c => Text(c.Value).Contains("kcv 08D7B4", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task One_custodian_alone_cannot_make_the_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var ana = await api.ClientWithScopesAsync("key:custodian");
        var first = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var id = await OpenAsync(api, "cvk-alone", 2);

        await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).ReadJsonAsync();
        var again = await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = Xor(Key, first) })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("dual control", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The admin that opened it is not a custodian unless granted key:custodian explicitly.
        await (await api.Client().PostJsonAsync($"{Ceremonies}/{id}/components", new { component = Xor(Key, first) })).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await api.Client().GetAsync("/v1/admin/keys/cvk-alone")).AssertProblemAsync(HttpStatusCode.NotFound);
        var ceremony = await (await api.Client().GetAsync($"{Ceremonies}/{id}")).ReadJsonAsync();
        Assert.Equal(("open", 1), (ceremony.GetProperty("status").GetString(), ceremony.GetProperty("components").GetArrayLength()));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Parallel_submissions_keep_one_component_per_client_and_make_the_key_once(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var custodians = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.ClientWithScopesAsync("key:custodian")));
        var components = Enumerable.Range(0, 2).Select(_ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16))).ToList();
        components.Add(Xor(Key, Xor(components[0], components[1])));
        var id = await OpenAsync(api, "cvk-parallel", 3);

        // The first custodian sends two components at once: one is taken, the other refused.
        var twice = await Task.WhenAll(components.Take(2).Select(c => custodians[0].PostJsonAsync($"{Ceremonies}/{id}/components", new { component = c })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], twice.Select(r => r.StatusCode).Order());
        var taken = (await twice.Single(r => r.IsSuccessStatusCode).ReadJsonAsync()).GetProperty("componentKcv").GetString();
        var rest = components.Where(c => IndependentKcv(c) != taken).ToList();

        var answers = await Task.WhenAll(rest.Select((c, i) => custodians[i + 1].PostJsonAsync($"{Ceremonies}/{id}/components", new { component = c })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], answers.Select(r => r.StatusCode).Order());
        var ceremony = await (await api.Client().GetAsync($"{Ceremonies}/{id}")).ReadJsonAsync();
        Assert.Equal(("completed", "08D7B4", 3), (ceremony.GetProperty("status").GetString(), ceremony.GetProperty("kcv").GetString(), ceremony.GetProperty("components").GetArrayLength()));
        Assert.Equal("08D7B4", (await (await api.Client().GetAsync("/v1/admin/keys/cvk-parallel")).ReadJsonAsync()).GetProperty("kcv").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_open_ceremony_expires_and_keeps_no_partial_key(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (ana, ben) = (await api.ClientWithScopesAsync("key:custodian"), await api.ClientWithScopesAsync("key:custodian"));
        var first = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var id = await OpenAsync(api, "cvk-late", 2);
        await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).ReadJsonAsync();
        Assert.Contains(await StoreInspection.AllColumnsAsync(api), c => c.Column == "KeyCeremonies.Partial" && c.Value is byte[]);

        api.Clock.Advance(TimeSpan.FromHours(24));
        var late = await (await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = Xor(Key, first) })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("expired", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("expired", (await (await api.Client().GetAsync($"{Ceremonies}/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
        await (await api.Client().GetAsync("/v1/admin/keys/cvk-late")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await StoreInspection.AllColumnsAsync(api), c => c.Column == "KeyCeremonies.Partial" && c.Value is byte[]);
        // The alias is free for a new ceremony.
        await OpenAsync(api, "cvk-late", 2);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Counts_weak_components_and_closed_ceremonies_are_refused(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var (ana, ben) = (await api.ClientWithScopesAsync("key:custodian"), await api.ClientWithScopesAsync("key:custodian"));
        foreach (var count in new[] { 0, 1, 4 })
        {
            await (await api.Client().PostJsonAsync(Ceremonies, new { alias = "cvk-count", usage = "CVK", componentCount = count }))
                .AssertInvalidFieldAsync("componentCount");
        }
        var id = await OpenAsync(api, "cvk-weak", 2);
        await (await OpenResponse(api, "cvk-weak", 2)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = new string('0', 32) })).AssertInvalidFieldAsync("component");
        await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = new string('A', 40) })).AssertInvalidFieldAsync("component");

        var first = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await (await ana.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).ReadJsonAsync();
        await (await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).AssertInvalidFieldAsync("component");
        var equalHalves = Xor(first, new string('1', 32)); // the key would be 1111111111111111 twice: single DES
        await (await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = equalHalves })).AssertInvalidFieldAsync("component");
        // Nothing changed: the right component still completes the key.
        await (await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = Xor(Key, first) })).ReadJsonAsync(HttpStatusCode.Created);
        await (await ben.PostJsonAsync($"{Ceremonies}/{id}/components", new { component = first })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.Client().PostAsync($"{Ceremonies}/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await api.Client().GetAsync($"{Ceremonies}/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await OpenResponse(api, "cvk-weak", 2)).AssertProblemAsync(HttpStatusCode.Conflict);

        var cancelled = await OpenAsync(api, "cvk-cancelled", 3);
        Assert.Equal("cancelled", (await (await api.Client().PostAsync($"{Ceremonies}/{cancelled}/cancel", null)).ReadJsonAsync()).GetProperty("status").GetString());
        await (await ana.PostJsonAsync($"{Ceremonies}/{cancelled}/components", new { component = first })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Single_request_import_is_refused_unless_allowed_and_generation_stays(string store)
    {
        await using var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["Keys:AllowSingleRequestImport"] = "false" });
        var refused = await (await api.Client().PostJsonAsync("/v1/admin/keys", new { alias = "cvk-one-request", usage = "CVK", components = new[] { Key } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("key ceremony", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await api.Client().GetAsync("/v1/admin/keys/cvk-one-request")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.Client().PostJsonAsync("/v1/admin/keys", new { alias = "cvk-generated", usage = "CVK" })).ReadJsonAsync(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> OpenResponse(TestApi api, string alias, int count) =>
        api.Client().PostJsonAsync(Ceremonies, new { alias, usage = "CVK", componentCount = count });

    private static async Task<string> OpenAsync(TestApi api, string alias, int count)
    {
        var ceremony = await (await OpenResponse(api, alias, count)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("open", count), (ceremony.GetProperty("status").GetString(), ceremony.GetProperty("componentCount").GetInt32()));
        return ceremony.GetProperty("id").GetString()!;
    }

    private static string Xor(string a, string b) =>
        Convert.ToHexString(Convert.FromHexString(a).Zip(Convert.FromHexString(b), (x, y) => (byte)(x ^ y)).ToArray());

    private static string Text(object value) => value is byte[] bytes ? Convert.ToHexString(bytes) : value.ToString() ?? "";

    /// <summary>TDES_K(0…0) by .NET's TripleDES with A‖B‖A, independently of the service.</summary>
    private static string IndependentKcv(string hex)
    {
        var key = Convert.FromHexString(hex);
#pragma warning disable CA5350 // TDES is what a KCV of a TDES key is.
        using var tdes = TripleDES.Create();
#pragma warning restore CA5350
        tdes.Key = [.. key, .. key[..8]];
        return Convert.ToHexString(tdes.EncryptEcb(new byte[8], PaddingMode.None), 0, 3);
    }
}
