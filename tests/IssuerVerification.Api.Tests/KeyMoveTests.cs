using IssuerVerification.Api.Startup;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Switching a deployment from the software provider to PKCS#11 (docs/crypto-provider.md, "Switching"): after
/// <c>move-keys-to-token</c>, the service on the token verifies the values the software provider generated and opens the
/// PANs and contacts it sealed; a second run moves nothing.
/// </summary>
public sealed class KeyMoveTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task A_software_deployment_moves_into_the_token_and_answers_as_before(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var deployment = new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
        try
        {
            object cvv2, cvc3;
            string card;
            await using (var software = await TestApi.StartAsync(store, new Dictionary<string, string?>(deployment)
            { ["Crypto:Provider"] = "Software", ["Demo:Seed"] = "true", ["environment"] = "Development" }))
            {
                var client = software.Client(DemoData.ClientKey);
                cvv2 = new { pan = DemoData.VisaPan, expiry = "9911", kind = "cvv2", value = await ValueAsync(client, "/v1/cvv/generate", new { pan = DemoData.VisaPan, expiry = "9911", kind = "cvv2" }, "value") };
                var atc = new { pan = DemoData.MastercardPan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0005" };
                cvc3 = new { atc.pan, atc.ivcvc3, atc.unpredictableNumber, atc.atc, cvc3 = (await ValueAsync(client, "/v1/cvc3/generate", atc, "cvc3"))[2..] };
                var registered = await software.Client().PostJsonAsync("/v1/admin/cards", new
                {
                    pan = "4444333322229999",
                    expiry = "3012",
                    cardholder = new { name = "ANA SWITCH", phone = "+15555550123", email = "ana@example.com" },
                });
                card = (await registered.ReadJsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("cardId").GetString()!;
            }

            Assert.Equal(0, await MoveAsync(deployment));
            Assert.Equal(0, await MoveAsync(deployment));

            await using var token = await TestApi.StartAsync(store, TestApi.UseToken(new Dictionary<string, string?>(deployment), TestTokens.Shared));
            var onToken = token.Client(DemoData.ClientKey);
            Assert.Equal(Setup.Match, await onToken.VerifyAsync("/v1/cvv/verify", cvv2));
            Assert.Equal(Setup.Match, await onToken.VerifyAsync("/v1/cvc3/verify", cvc3));
            var opened = await (await token.Client().GetAsync($"/v1/admin/cards/{card}")).ReadJsonAsync();
            Assert.Equal("444433******9999", opened.GetProperty("maskedPan").GetString());
            Assert.Equal("ANA SWITCH", opened.GetProperty("cardholder").GetProperty("name").GetString());
            Assert.EndsWith("0123", opened.GetProperty("cardholder").GetProperty("phone").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await drop();
        }
    }

    private static Task<int> MoveAsync(Dictionary<string, string?> deployment)
    {
        var token = TestApi.UseToken(new Dictionary<string, string?>(deployment), TestTokens.Shared);
        token["Crypto:MasterKey"] = TestApi.MasterKey;
        return KeyMoveCommand.RunAsync([.. token.Select(setting => $"--{setting.Key}={setting.Value}")]);
    }

    private static async Task<string> ValueAsync(HttpClient client, string path, object body, string field) =>
        (await (await client.PostJsonAsync(path, body)).ReadJsonAsync()).GetProperty(field).GetString()!;
}
