using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;
using IssuerVerification.Store.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store;

public enum StorageProvider { Sqlite, Postgres }

public static class StoreRegistration
{
    /// <summary>Registers the EF Core store (pooled context factory) and every store port.</summary>
    public static IServiceCollection AddIssuerStore(this IServiceCollection services, StorageProvider provider, string connectionString)
    {
        if (provider == StorageProvider.Postgres)
        {
            services.AddProviderContext<PostgresIssuerDbContext>(options => options.UseNpgsql(Tuned(connectionString)));
        }
        else
        {
            services.AddProviderContext<SqliteIssuerDbContext>(options => options.UseSqlite(connectionString));
        }
        services.AddSingleton<IStoreSchema, StoreSchema>();
        services.AddSingleton<IStoreFaults, StoreFaults>();
        services.AddSingleton<IKeyStore, EfKeyStore>();
        services.AddSingleton<ICardStore, EfCardStore>();
        services.AddSingleton<IClientStore, EfClientStore>();
        services.AddSingleton<IAtcStore, EfAtcStore>();
        services.AddSingleton<EfLockoutStore>();
        services.AddSingleton<ILockoutStore>(sp => sp.GetRequiredService<EfLockoutStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<EfLockoutStore>());
        services.AddSingleton<IIdempotencyStore, EfIdempotencyStore>();
        services.AddSingleton<IDcvv2Store, EfDcvv2Store>();
        return services;
    }

    /// <summary>A pooled factory of the provider's context, handed out as <see cref="IDbContextFactory{IssuerDbContext}"/>.</summary>
    private static void AddProviderContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : IssuerDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<IssuerDbContext>, ProviderContextFactory<TContext>>();
    }

    /// <summary>
    /// Keeps prepared statements across pooled connections: no DISCARD ALL when a connection returns to the pool
    /// (the service keeps no session state) and automatic preparation of the hot statements. Explicit settings win.
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 50;
        }
        return builder.ConnectionString;
    }
}
