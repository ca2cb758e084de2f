using System.Net;
using System.Security.Cryptography;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Key exchange through the API: KEKs, TR-31 key blocks and TDES-ECB cryptograms in, TR-31 key blocks out; every refusal
/// answers 400 (409 for a key not exportable) and stores nothing; every import and export is audited with both KCVs.
/// The HSM blocks are the Thales payShield 10k K0 blocks of tests/IssuerVerification.Crypto.Tests/Vectors/tr31-key-blocks.json.
/// </summary>
public sealed class KeyExchangeTests
{
    private const string Keys = "/v1/admin/keys";
    private const string Cvk = "0123456789ABCDEFFEDCBA9876543210"; // KCV 08D7B4
    private const string ThalesKbpk = "EFE0853B256B583D868F251CE99EA1D9";
    private const string ThalesKekB = "B0080K0TN00N00001C414014375212C24995E405B5EE052CB92B67F455EA2680F6751088F9F1C228";
    private const string ThalesKekA = "A0072K0TN00N0000F40D5672C6D0EC86F860BA88D44D00F0CA9A8CE8CD2F640287A9A9EB";
    private const string PinKeyBlock = "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B8A248E"; // TR-31:2018 A.7.2.2
    private const string PinKeyKbpk = "DD7515F2BFC17F85CE48F3CA25CB21F6";

    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task An_hsm_kek_comes_in_as_a_key_block_and_a_cvk_goes_out_and_back(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var admin = api.Client();
        await CreateAsync(admin, new { alias = "zmk", usage = "KEK", components = new[] { ThalesKbpk } });

        var kek = await CreateAsync(admin, new { alias = "hsm-kek", usage = "KEK", kekAlias = "zmk", keyBlock = ThalesKekB });
        Assert.Equal(("5C9405", "TDES_2KEY", false, false), (kek.GetProperty("kcv").GetString(), kek.GetProperty("algorithm").GetString(),
            kek.GetProperty("exportable").GetBoolean(), kek.GetProperty("legacyKeyBlock").GetBoolean()));
        await CreateAsync(admin, new { alias = "hsm-kek-a", usage = "KEK", kekAlias = "zmk", keyBlock = ThalesKekA });
        var legacy = await (await admin.GetAsync($"{Keys}/hsm-kek-a")).ReadJsonAsync();
        Assert.Equal(("5C9405", true), (legacy.GetProperty("kcv").GetString(), legacy.GetProperty("legacyKeyBlock").GetBoolean()));

        await CreateAsync(admin, new { alias = "cvk", usage = "CVK", components = new[] { Cvk }, exportable = true });
        var exported = await (await admin.PostJsonAsync($"{Keys}/cvk/export", new { kekAlias = "hsm-kek" })).ReadJsonAsync();
        var block = exported.GetProperty("keyBlock").GetString()!;
        Assert.Equal(("B0080C0TC00N0000", "08D7B4"), (block[..16], exported.GetProperty("kcv").GetString()));

        var copy = await CreateAsync(admin, new { alias = "cvk-copy", usage = "CVK", kekAlias = "hsm-kek", keyBlock = block });
        Assert.Equal(("08D7B4", false), (copy.GetProperty("kcv").GetString(), copy.GetProperty("exportable").GetBoolean()));
        await (await admin.PostJsonAsync($"{Keys}/cvk-copy/export", new { kekAlias = "hsm-kek" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var columns = await StoreInspection.AllColumnsAsync(api);
        foreach (var secret in new[] { Cvk, "5DB50B454F8389ADCE573BE50861F2BF", ThalesKbpk })
        {
            Assert.DoesNotContain(columns, c => Text(c.Value).Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        var reasons = columns.Where(c => c.Column.EndsWith(".Reason", StringComparison.Ordinal)).Select(c => Text(c.Value)).ToList();
        Assert.Contains(reasons, r => r.Contains("alias hsm-kek usage Kek kcv 5C9405 form tr31-B kek zmk kek-kcv ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("alias hsm-kek-a usage Kek kcv 5C9405 form tr31-A (legacy)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("alias cvk usage Cvk kcv 08D7B4 form tr31-B kek hsm-kek kek-kcv 5C9405 exportable", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("alias cvk-copy usage Cvk kcv 08D7B4 form tr31-B kek hsm-kek kek-kcv 5C9405", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_aes_kek_exports_version_d_and_a_zmk_imports_a_cryptogram(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var admin = api.Client();
        await CreateAsync(admin, new { alias = "aes-kek", usage = "KEK", algorithm = "AES_256", exportable = true });
        await CreateAsync(admin, new { alias = "zmk", usage = "KEK", components = new[] { PinKeyKbpk } });
        var cryptogram = Convert.ToHexString(TdesEcb(PinKeyKbpk, Cvk));

        var cvk = await CreateAsync(admin, new { alias = "cvk", usage = "CVK", kekAlias = "zmk", cryptogram, kcv = "08d7b4", exportable = true });
        Assert.Equal("08D7B4", cvk.GetProperty("kcv").GetString());
        var exported = await (await admin.PostJsonAsync($"{Keys}/cvk/export", new { kekAlias = "aes-kek" })).ReadJsonAsync();
        Assert.StartsWith("D0112C0TC00N0000", exported.GetProperty("keyBlock").GetString(), StringComparison.Ordinal);
        var back = await CreateAsync(admin, new { alias = "cvk-back", usage = "CVK", kekAlias = "aes-kek", keyBlock = exported.GetProperty("keyBlock").GetString() });
        Assert.Equal("08D7B4", back.GetProperty("kcv").GetString());
        // An AES KEK does not go out under a weaker TDES one.
        await (await admin.PostJsonAsync($"{Keys}/aes-kek/export", new { kekAlias = "zmk" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"alias":"k","usage":"CVK","kekAlias":"pin-zmk","keyBlock":"PIN"}""", "PIN encryption key" },
        { """{"alias":"k","usage":"CVK","kekAlias":"zmk","keyBlock":"THALES"}""", "cannot become a Cvk key" },
        { """{"alias":"k","usage":"DCVV2","kekAlias":"zmk","keyBlock":"THALES"}""", "not exchanged" },
        { """{"alias":"k","usage":"KEK","kekAlias":"zmk","keyBlock":"THALES","exportable":true}""", "exportability is N" },
        { """{"alias":"k","usage":"KEK","kekAlias":"zmk","keyBlock":"ALTERED"}""", "MAC does not verify" },
        { """{"alias":"k","usage":"KEK","kekAlias":"pin-zmk","keyBlock":"THALES"}""", "MAC does not verify" },
        { """{"alias":"k","usage":"KEK","kekAlias":"cvk","keyBlock":"THALES"}""", "not a KEK" },
        { """{"alias":"k","usage":"KEK","kekAlias":"nobody","keyBlock":"THALES"}""", "No key with alias 'nobody'" },
        { """{"alias":"k","usage":"CVK","kekAlias":"pin-zmk","cryptogram":"CRYPTOGRAM","kcv":"08D7B5"}""", "not the KCV given" },
        { """{"alias":"k","usage":"CVK","kekAlias":"zmk","cryptogram":"CRYPTOGRAM","kcv":"08D7B4"}""", "not the KCV given" },
        { """{"alias":"k","usage":"CVK","kekAlias":"zmk","keyBlock":"THALES","cryptogram":"CRYPTOGRAM","kcv":"08D7B4"}""", "not both" },
        { """{"alias":"k","usage":"CVK","kekAlias":"zmk","components":["0123456789ABCDEFFEDCBA9876543210"]}""", "not as components" },
        { """{"alias":"k","usage":"KEK","kekAlias":"zmk","keyBlock":"THALES","algorithm":"TDES_2KEY"}""", "states its algorithm" },
        { """{"alias":"k","usage":"CVK","kekAlias":"zmk","cryptogram":"0123"}""", "32 hex characters" },
        { """{"alias":"k","usage":"CVK","keyBlock":"THALES"}""", "comes with the alias of the KEK" },
        { """{"alias":"k","usage":"CVK","algorithm":"AES_256"}""", "This usage takes Tdes2Key keys" },
    };

    [Theory, MemberData(nameof(Refusals))]
    public async Task Every_refusal_answers_400_and_stores_nothing(string body, string reason)
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var admin = api.Client();
        await CreateAsync(admin, new { alias = "zmk", usage = "KEK", components = new[] { ThalesKbpk } });
        await CreateAsync(admin, new { alias = "pin-zmk", usage = "KEK", components = new[] { PinKeyKbpk } });
        await CreateAsync(admin, new { alias = "cvk", usage = "CVK", components = new[] { Cvk } });
        var altered = ThalesKekB[..^1] + (ThalesKekB[^1] == '0' ? '1' : '0');
        var json = body.Replace("PIN", PinKeyBlock, StringComparison.Ordinal).Replace("THALES", ThalesKekB, StringComparison.Ordinal)
            .Replace("ALTERED", altered, StringComparison.Ordinal).Replace("CRYPTOGRAM", Convert.ToHexString(TdesEcb(PinKeyKbpk, Cvk)), StringComparison.Ordinal);
        var problem = await (await admin.PostAsync(Keys, new StringContent(json, System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetRawText().Contains(reason, StringComparison.Ordinal), problem.GetRawText());
        await (await admin.GetAsync($"{Keys}/k")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await StoreInspection.AllColumnsAsync(api), c => Text(c.Value).Contains("alias k usage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_triple_length_kek_comes_from_a_ceremony_and_stays_exportable_as_opened()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var (ana, ben) = (await api.ClientWithScopesAsync("key:custodian"), await api.ClientWithScopesAsync("key:custodian"));
        var first = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var ceremony = await (await api.Client().PostJsonAsync("/v1/admin/key-ceremonies",
            new { alias = "zmk-3", usage = "KEK", algorithm = "TDES_3KEY", componentCount = 2, exportable = true })).ReadJsonAsync(HttpStatusCode.Created);
        var id = ceremony.GetProperty("id").GetString();

        await (await ana.PostJsonAsync($"/v1/admin/key-ceremonies/{id}/components", new { component = first })).ReadJsonAsync();
        await (await ben.PostJsonAsync($"/v1/admin/key-ceremonies/{id}/components", new { component = ThalesKbpk + ThalesKbpk[..16] }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var kek = await (await api.Client().GetAsync($"{Keys}/zmk-3")).ReadJsonAsync();
        Assert.Equal(("KEK", "TDES_3KEY", true), (kek.GetProperty("usage").GetString(), kek.GetProperty("algorithm").GetString(), kek.GetProperty("exportable").GetBoolean()));
        await CreateAsync(api.Client(), new { alias = "aes-kek", usage = "KEK", algorithm = "AES_256" });
        var exported = await (await api.Client().PostJsonAsync($"{Keys}/zmk-3/export", new { kekAlias = "aes-kek" })).ReadJsonAsync();
        Assert.Equal(("D0112K0TB00N0000", kek.GetProperty("kcv").GetString()),
            (exported.GetProperty("keyBlock").GetString()![..16], exported.GetProperty("kcv").GetString()));
    }

    [Fact]
    public async Task Export_answers_404_for_an_unknown_key_and_409_for_one_not_exportable_or_never_exchanged()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var admin = api.Client();
        await CreateAsync(admin, new { alias = "kek", usage = "KEK", algorithm = "AES_256" });
        await CreateAsync(admin, new { alias = "cvk", usage = "CVK", components = new[] { Cvk } });
        await CreateAsync(admin, new { alias = "dcvv2", usage = "DCVV2", exportable = true });

        await (await admin.PostJsonAsync($"{Keys}/none/export", new { kekAlias = "kek" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var notExportable = await (await admin.PostJsonAsync($"{Keys}/cvk/export", new { kekAlias = "kek" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("not created exportable", notExportable.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await admin.PostJsonAsync($"{Keys}/dcvv2/export", new { kekAlias = "kek" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync($"{Keys}/dcvv2/export", new { kekAlias = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(HttpClient admin, object body) =>
        await (await admin.PostJsonAsync(Keys, body)).ReadJsonAsync(HttpStatusCode.Created);

    private static string Text(object value) => value is byte[] bytes ? Convert.ToHexString(bytes) : value.ToString() ?? "";

    /// <summary>The key encrypted with TDES-ECB under the ZMK, by .NET's TripleDES (A‖B‖A), independently of the service.</summary>
    private static byte[] TdesEcb(string zmk, string key)
    {
        var bytes = Convert.FromHexString(zmk);
#pragma warning disable CA5350 // TDES is what a ZMK cryptogram is.
        using var tdes = TripleDES.Create();
#pragma warning restore CA5350
        tdes.Key = [.. bytes, .. bytes[..8]];
        return tdes.EncryptEcb(Convert.FromHexString(key), PaddingMode.None);
    }
}
