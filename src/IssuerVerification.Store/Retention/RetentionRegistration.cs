using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Retention;
using IssuerVerification.Domain.ThreeDSecure;
using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Retention;

/// <summary>The retention of every growing table the store holds (docs/data-retention.md); the audit log's is the domain's <see cref="AuditRetention"/>.</summary>
internal static class RetentionRegistration
{
    public static IServiceCollection AddRetention(this IServiceCollection services, StorageProvider provider)
    {
        services.AddSingleton<IAuditExpiry>(sp => new EfAuditExpiry(sp.GetRequiredService<IDbContextFactory<IssuerDbContext>>(), provider == StorageProvider.Postgres));
        services.AddTable<IdempotencyRecord>("IdempotencyRecords", (s, now) => r => r.CreatedAt < now - s.Idempotency);
        services.AddTable<OutboxMessage>("Outbox", (s, now) => m => m.CreatedAt < now - s.Outbox);
        services.AddTable<Dcvv2Issuance>("Dcvv2Issuances", (s, now) => i => (i.LastWindow + 1) * i.WindowMinutes <= UnixMinutes(now - s.Dcvv2));
        services.AddTable<Dcvv2UsedWindow>("Dcvv2UsedWindows", (s, now) => w => (w.WindowIndex + 1) * w.WindowMinutes <= UnixMinutes(now - s.Dcvv2));
        services.AddTable<TokenVerification>("TokenVerifications", (s, now) => v => v.ExpiresAt < now - s.TokenVerifications);
        services.AddTable<TokenCallback>("TokenCallbacks", (s, now) => c => c.OccurredAt < now - s.TokenVerifications);
        services.AddTable<ThreeDsAuthentication>("ThreeDsAuthentications", (s, now) => a => a.CreatedAt < now - s.ThreeDs);
        services.AddTable<IssuedValue>("ThreeDsIssuedValues", (s, now) => v => v.IssuedAt < now - s.ThreeDs);
        return services;
    }

    private static void AddTable<T>(this IServiceCollection services, string name, Func<RetentionSettings, DateTime, System.Linq.Expressions.Expression<Func<T, bool>>> expired)
        where T : class =>
        services.AddSingleton<IRetentionTask>(sp =>
        {
            var settings = sp.GetRequiredService<RetentionSettings>();
            return new TableRetention<T>(name, sp.GetRequiredService<IDbContextFactory<IssuerDbContext>>(), settings.BatchSize, now => expired(settings, now));
        });

    /// <summary>Whole minutes since the Unix epoch: a window ends at (index + 1) × its minutes.</summary>
    private static long UnixMinutes(DateTime at) => (long)(at - DateTime.UnixEpoch).TotalMinutes;
}
