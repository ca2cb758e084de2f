using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>The webhook delivery channel: the OTP goes to the issuer's notification service, signed, and the outbox stays empty.</summary>
public sealed class TokenWebhookDeliveryTests
{
    private const string Secret = "webhook-secret-0123456789abcdefghijkl";

    [Fact]
    public async Task Otps_are_posted_signed_to_the_notification_service_and_retried_after_a_500()
    {
        await using var listener = CallbackListener.Start(null, 500);
        await using var api = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?>
        {
            ["Delivery:Channel"] = "webhook",
            ["Delivery:Webhook:Url"] = listener.Url,
            ["Delivery:Webhook:Secret"] = Secret,
        });
        await api.RangesAsync();
        var id = (await api.Client().CreateAsync(TokenSetup.Binding(await api.CardholderAsync()))).Id();
        await (await api.Client().SendOtpAsync(id, "m2")).ReadJsonAsync(HttpStatusCode.Accepted);

        var request = Assert.Single(await listener.WaitForAsync(1));
        var timestamp = request.Headers["X-Signature-Timestamp"];
        Assert.Equal(api.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + request.Body)));
        Assert.Equal(expected, request.Headers["X-Signature"]);
        var message = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("email", message.GetProperty("channel").GetString());
        Assert.Equal(TokenSetup.Email, message.GetProperty("recipient").GetString());
        Assert.Equal(id, message.GetProperty("reference").GetString());
        Assert.Equal(0, (await api.OutboxAsync(id)).GetArrayLength());
        var code = message.GetProperty("code").GetString()!;
        Assert.Equal("verified", (await (await api.Client().VerifyOtpAsync(id, code)).ReadJsonAsync()).Status());
    }
}
