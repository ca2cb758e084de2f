using System.Globalization;
using System.Threading.RateLimiting;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Mvc;

namespace IssuerVerification.Api.Limits;

/// <summary>
/// A token bucket per API client (configuration <c>RateLimiting:PermitsPerSecond</c> and <c>RateLimiting:Burst</c>), and one
/// per remote address for the anonymous pages a cardholder's browser opens (<c>RateLimiting:PagePermitsPerSecond</c>,
/// <c>RateLimiting:PageBurst</c>).
/// </summary>
public static class RateLimiting
{
    public const string PerClient = "per-client";
    public const string PerAddress = "per-address";

    public static IServiceCollection AddPerClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerSecond = configuration.GetValue("RateLimiting:PermitsPerSecond", 1000);
        var burst = configuration.GetValue("RateLimiting:Burst", 2000);
        var pagePermitsPerSecond = configuration.GetValue("RateLimiting:PagePermitsPerSecond", 20);
        var pageBurst = configuration.GetValue("RateLimiting:PageBurst", 60);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerAddress, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Bucket(pagePermitsPerSecond, pageBurst)));
            options.AddPolicy(PerClient, context => RateLimitPartition.GetTokenBucketLimiter(context.User.ClientId(), _ => Bucket(permitsPerSecond, burst)));
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

    private static TokenBucketRateLimiterOptions Bucket(int permitsPerSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = permitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
