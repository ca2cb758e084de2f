using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

public sealed class MasterKeyRotationTests
{
    private const string NewMasterKey = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Rewrap_moves_every_key_to_the_new_master_key_without_changing_it(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var pan = TestPans.Random("444433");
        var cvv2 = new { pan, expiry = "3012", kind = "cvv2" };
        Dictionary<string, string?> Settings(string master, string? previous = null) => new()
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:IssuerVerification"] = connectionString,
            ["Crypto:Provider"] = "Software", // master keys are the software provider's
            ["Crypto:MasterKey"] = master,
            ["Crypto:PreviousMasterKeys:0"] = previous,
        };
        try
        {
            string value, kcv;
            await using (var before = await TestApi.StartAsync(store, Settings(TestApi.MasterKey)))
            {
                await before.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = "0123456789ABCDEFFEDCBA9876543210" });
                await before.RegisterCardAsync(pan);
                value = (await (await before.Client().PostJsonAsync("/v1/cvv/generate", cvv2)).ReadJsonAsync()).GetProperty("value").GetString()!;
                kcv = (await (await before.Client().GetAsync("/v1/admin/keys")).ReadJsonAsync())[0].GetProperty("kcv").GetString()!;
            }

            await using (var rotating = await TestApi.StartAsync(store, Settings(NewMasterKey, TestApi.MasterKey)))
            {
                var rewrapped = await (await rotating.Client().PostAsync("/v1/admin/keys/rewrap", null)).ReadJsonAsync();
                Assert.Equal(7, rewrapped.GetProperty("rewrapped").GetInt32()); // the CVK and the six system keys
                var again = await (await rotating.Client().PostAsync("/v1/admin/keys/rewrap", null)).ReadJsonAsync();
                Assert.Equal(0, again.GetProperty("rewrapped").GetInt32());
            }

            await using var after = await TestApi.StartAsync(store, Settings(NewMasterKey));
            Assert.Equal(kcv, (await (await after.Client().GetAsync("/v1/admin/keys")).ReadJsonAsync())[0].GetProperty("kcv").GetString());
            Assert.Equal(value, (await (await after.Client().PostJsonAsync("/v1/cvv/generate", cvv2)).ReadJsonAsync()).GetProperty("value").GetString());
            // The card is still found by its fingerprint (the fingerprint key survived the rotation).
            await (await after.Client().PostJsonAsync("/v1/admin/cards", new { pan, expiry = "3012" })).AssertProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            await drop();
        }
    }
}
