using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Json;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <summary>
/// Sends the recorded callbacks: a POST of the signed payload (compact JWS, <c>application/jose</c>). A failed attempt is tried
/// again later with exponential backoff (5 s doubling, at most 1 h), also after a restart; each attempt is claimed first so that
/// one replica sends it. Delivery is at least once.
/// </summary>
internal sealed class CallbackDispatcher(
    ITokenCallbackStore store, ResultSigner signer, IHttpClientFactory http, TimeProvider clock, CallbackSettings settings, IssuerMetrics metrics,
    ILogger<CallbackDispatcher> logger)
    : BackgroundService
{
    public const string HttpClientName = "token-callbacks";
    /// <summary>How long a claimed attempt may take before another replica may try it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = CreateJson();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await Task.Delay(settings.Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Callback dispatch failed with {ExceptionType}", e.GetType().FullName);
                await Task.Delay(settings.Poll, stoppingToken);
            }
        }
    }

    /// <summary>Sends every due callback once; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var delivered = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var callback in await store.DueAsync(now, 50, ct))
        {
            if (!await store.TryClaimAsync(callback, now + Lease, ct))
            {
                continue;
            }
            if (await SendAsync(callback, ct))
            {
                await store.DeliveredAsync(callback.Id, clock.GetUtcNow().UtcDateTime, ct);
                delivered++;
            }
            else
            {
                var attempts = callback.Attempts + 1;
                var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(attempts - 1, 20))));
                await store.RetryAsync(callback.Id, attempts, clock.GetUtcNow().UtcDateTime + backoff, ct);
            }
        }
        return delivered;
    }

    private async Task<bool> SendAsync(TokenCallback callback, CancellationToken ct)
    {
        var jws = await signer.SignAsync(JsonSerializer.SerializeToUtf8Bytes(CallbackPayload.Of(callback), Json), ct);
        try
        {
            using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(jws));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/jose");
            using var response = await http.CreateClient(HttpClientName).PostAsync(callback.Url, content, ct);
            metrics.CallbackAttempted(response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The URL is the merchant's and may carry their identifiers: the callback id only.
            metrics.CallbackAttempted(e.GetType().FullName);
            logger.LogWarning("Callback {CallbackId} not delivered ({ExceptionType}); it will be retried", callback.Id, e.GetType().Name);
            return false;
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
