using IssuerVerification.Api.Startup;
using IssuerVerification.Domain.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IssuerVerification.Api.Health;

/// <summary>
/// Ready when start-up initialisation has succeeded (migrations, and the stored keys unwrap with the master key), the store
/// answers within <see cref="Limit"/> and every migration is applied.
/// </summary>
internal sealed class StoreHealthCheck(IStoreSchema schema, StoreInitializer initializer) : IHealthCheck
{
    /// <summary>A load balancer asks often and must not wait on a frozen database: not ready after this long.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(1.5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!initializer.IsInitialized)
        {
            return HealthCheckResult.Unhealthy("Not initialised yet.");
        }
        try
        {
            return await schema.HasPendingMigrationsAsync(ct).WaitAsync(Limit, ct)
                ? HealthCheckResult.Unhealthy("Migrations pending.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(e is TimeoutException ? "Store did not answer in time." : "Store unreachable.");
        }
    }
}
