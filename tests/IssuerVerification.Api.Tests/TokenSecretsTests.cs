using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>No OTP, PAN, phone or email in the logs or in any row, except the outbox channel's recipient while a step-up runs.</summary>
public sealed class TokenSecretsTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Step_ups_leave_no_secret_in_logs_or_rows(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var body = TokenSetup.Binding(pan);
        body["callbackUrl"] = "https://merchant.example/callbacks";
        var id = (await api.Client().CreateAsync(body)).Id();
        var codes = new List<string>();
        foreach (var method in new[] { "m1", "m2" })
        {
            await (await api.Client().SendOtpAsync(id, method)).ReadJsonAsync(HttpStatusCode.Accepted);
            codes.Add(await api.LastCodeAsync(id));
        }
        await (await api.Client().VerifyOtpAsync(id, TokenSetup.Wrong(codes[^1]))).ReadJsonAsync();

        AssertAbsent((await StoreInspection.AllColumnsAsync(api)).Where(c => c.Column != "Outbox.Recipient"), [pan, TokenSetup.Phone, TokenSetup.Email, .. codes]);
        await (await api.Client().VerifyOtpAsync(id, codes[^1])).ReadJsonAsync();

        AssertAbsent(await StoreInspection.AllColumnsAsync(api), [pan, TokenSetup.Phone, TokenSetup.Email, .. codes]);
        AssertAbsent(api.Logs.Lines.Select(l => ("log", (object)l)), [pan, TokenSetup.Phone, TokenSetup.Email, .. codes]);
    }

    private static void AssertAbsent(IEnumerable<(string Column, object Value)> values, string[] secrets)
    {
        foreach (var (column, value) in values)
        {
            var text = value is byte[] bytes ? System.Text.Encoding.ASCII.GetString(bytes) + Convert.ToHexString(bytes) : value.ToString() ?? "";
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{column} holds a secret");
            }
        }
    }
}
