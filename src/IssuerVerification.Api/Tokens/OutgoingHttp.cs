using IssuerVerification.Api.Delivery;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace IssuerVerification.Api.Tokens;

/// <summary>
/// The outgoing HTTP clients (callbacks, the webhook delivery channel): 2 s per attempt, 2 quick retries of transient failures
/// (5xx, 408, 429, network errors) with exponential backoff, no redirects (a redirect could leave https).
/// Longer outages are the callback outbox's to retry.
/// </summary>
internal static class OutgoingHttp
{
    public static IServiceCollection AddOutgoingHttp(this IServiceCollection services)
    {
        foreach (var name in new[] { CallbackDispatcher.HttpClientName, WebhookDelivery.HttpClientName })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
                .AddResilienceHandler(name, pipeline => pipeline
                    .AddTimeout(TimeSpan.FromSeconds(10))
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential })
                    .AddTimeout(TimeSpan.FromSeconds(2)));
        }
        return services;
    }
}
