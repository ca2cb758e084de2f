using System.Globalization;
using System.Threading.RateLimiting;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IssuerVerification.Api.Limits;

/// <summary>A token bucket per API client (configuration <c>RateLimiting:PermitsPerSecond</c> and <c>RateLimiting:Burst</c>).</summary>
public static class RateLimiting
{
    public const string PerClient = "per-client";

    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerSecond = configuration.GetValue("RateLimiting:PermitsPerSecond", 1000);
        var burst = configuration.GetValue("RateLimiting:Burst", 2000);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerClient, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.ClientId(),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = ProblemTypes.RateLimited,
                        Title = "Too many requests",
                        Detail = $"This client is over its rate limit; retry after {retryAfter} s.",
                    },
                });
            };
        });
    }
}
