using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Delivery;

namespace IssuerVerification.Api.Delivery;

/// <summary>
/// The production delivery channel: a JSON POST to the issuer's notification service, signed with HMAC-SHA256 over
/// <c>timestamp + "." + body</c> (headers <c>X-Signature-Timestamp</c>, unix seconds, and <c>X-Signature</c>, lowercase hex).
/// A failure after the retries is an error of the send (the caller may resend).
/// </summary>
internal sealed class WebhookDelivery(IHttpClientFactory http, WebhookSettings settings, TimeProvider clock) : IMessageDelivery
{
    public const string HttpClientName = "delivery-webhook";

    public async Task SendAsync(DeliveryMessage message, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            channel = message.Channel,
            recipient = message.Recipient,
            purpose = message.Purpose,
            reference = message.Reference,
            code = message.Code,
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = content };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature", Sign(settings.Secret, timestamp, body));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    public Task<OutboxMessage?> StoredAsync(DeliveryMessage message, CancellationToken ct) => Task.FromResult<OutboxMessage?>(null);

    public static string Sign(byte[] secret, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, (byte[])[.. Encoding.ASCII.GetBytes(timestamp + "."), .. body]));
}

/// <summary><c>Delivery:Channel</c> (outbox, the default, or webhook); for webhook <c>Delivery:Webhook:Url</c> and <c>Delivery:Webhook:Secret</c> (at least 32 characters).</summary>
internal sealed record WebhookSettings(Uri Url, byte[] Secret)
{
    public static bool Selected(IConfiguration configuration) => (configuration["Delivery:Channel"] ?? "outbox").ToLowerInvariant() switch
    {
        "outbox" => false,
        "webhook" => true,
        _ => throw new InvalidOperationException("Delivery:Channel is outbox or webhook."),
    };

    public static WebhookSettings Read(IConfiguration configuration)
    {
        var url = configuration["Delivery:Webhook:Url"];
        var secret = configuration["Delivery:Webhook:Secret"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || secret is not { Length: >= 32 })
        {
            throw new InvalidOperationException("Delivery:Channel is webhook: set Delivery:Webhook:Url (absolute http(s) URL) and Delivery:Webhook:Secret (at least 32 characters).");
        }
        return new WebhookSettings(uri, Encoding.UTF8.GetBytes(secret));
    }
}
