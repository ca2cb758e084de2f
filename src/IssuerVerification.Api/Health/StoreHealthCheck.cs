using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IssuerVerification.Api.Health;

/// <summary>Ready when the store answers and every migration is applied.</summary>
internal sealed class StoreHealthCheck(IDbContextFactory<IssuerDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var pending = await db.Database.GetPendingMigrationsAsync(ct);
            return pending.Any() ? HealthCheckResult.Unhealthy("Migrations pending.") : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Store unreachable.");
        }
    }
}
