using IssuerVerification.Api.Filters;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Retention;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.Retention;

internal static class RetentionRegistration
{
    /// <summary>The <c>Retention</c> settings (docs/data-retention.md), the audit log's retention and the job; the store registers the other tables'.</summary>
    public static IServiceCollection AddRetentionJob(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings();
        if (settings.Audit < RetentionSettings.MinimumAudit)
        {
            throw new InvalidOperationException($"Retention:Audit must be at least {RetentionSettings.MinimumAudit.TotalDays} days (PCI DSS 10.5.1).");
        }
        if (settings.Idempotency < IdempotencyFilter.Lifetime)
        {
            throw new InvalidOperationException($"Retention:Idempotency must be at least {IdempotencyFilter.Lifetime} (an idempotency key's lifetime).");
        }
        if (settings.BatchSize < 1 || settings.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Retention:BatchSize and Retention:Interval must be positive.");
        }
        services.AddSingleton(settings);
        services.AddSingleton<IRetentionTask, AuditRetention>();
        services.AddSingleton<IRetentionTask, ThreeDsHistoryRetention>();
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
