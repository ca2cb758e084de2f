using IssuerVerification.Domain.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IssuerVerification.Api.Health;

/// <summary>Ready when the store answers and every migration is applied.</summary>
internal sealed class StoreHealthCheck(IStoreSchema schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await schema.HasPendingMigrationsAsync(ct) ? HealthCheckResult.Unhealthy("Migrations pending.") : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Store unreachable.");
        }
    }
}
