using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IssuerVerification.Api.Health;

public static class HealthApi
{
    /// <summary>Liveness (process up) and readiness (store reachable and migrated); no API key needed.</summary>
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Operations").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live"))).WithSummary("The process is up")
            .WithName("GetLiveness").WithDescription("Answers 200 while the process runs. No API key.");
        health.MapGet("/ready", Ready).WithSummary("The store is reachable and migrated").ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetReadiness").WithDescription("Answers 200 when the store is reachable and migrated, else 503 store-unavailable. No API key.");
        return health;
    }

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(HealthCheckService checks, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(ct);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(new HealthResponse("ready"))
            : TypedResults.Problem("The store is unreachable or not migrated yet.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not ready", type: ProblemTypes.StoreUnavailable);
    }
}
