using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;
using IssuerVerification.Store.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store;

public enum StorageProvider { Sqlite, Postgres }

public static class StoreRegistration
{
    /// <summary>Registers the EF Core store (pooled context factory) and every store port.</summary>
    public static IServiceCollection AddIssuerStore(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        services.AddPooledDbContextFactory<IssuerDbContext>(options =>
        {
            _ = provider == StorageProvider.Postgres
                ? options.UseNpgsql(connectionString)
                : options.UseSqlite(connectionString);
            // Migrations are hand-written (no design-time package here), so there is no model snapshot to compare with.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<IKeyStore, EfKeyStore>();
        services.AddSingleton<ICardStore, EfCardStore>();
        services.AddSingleton<IClientStore, EfClientStore>();
        services.AddSingleton<ICounterStore, EfCounterStore>();
        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.AddSingleton<IIdempotencyStore, EfIdempotencyStore>();
        services.AddSingleton<IDcvv2Store, EfDcvv2Store>();
        return services;
    }
}
