using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Delivery;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.ThreeDSecure;
using IssuerVerification.Domain.Tokens;
using IssuerVerification.Domain.Verification;
using IssuerVerification.Store.Retention;
using IssuerVerification.Store.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store;

public static class StoreRegistration
{
    /// <summary>
    /// Registers the EF Core store (pooled context factory), every store port and the retention of every table. The audit
    /// writer needs an <see cref="IAuditMac"/> registered besides (the crypto provider's, <see cref="AuditChainKey"/>), and
    /// retention its <see cref="Domain.Retention.RetentionSettings"/>.
    /// </summary>
    public static IServiceCollection AddIssuerStore(
        this IServiceCollection services, StorageProvider provider, string connectionString, StoreTimeouts? timeouts = null)
    {
        timeouts ??= StoreTimeouts.Default;
        var commandSeconds = Seconds(timeouts.Command);
        if (provider == StorageProvider.Postgres)
        {
            services.AddProviderContext<PostgresIssuerDbContext>(options =>
                options.UseNpgsql(Tuned(connectionString, timeouts), o => o.CommandTimeout(commandSeconds)));
        }
        else
        {
            services.AddProviderContext<SqliteIssuerDbContext>(options =>
                options.UseSqlite(WithBusyTimeout(connectionString, commandSeconds), o => o.CommandTimeout(commandSeconds)));
        }
        services.AddSingleton<IStoreSchema, StoreSchema>();
        services.AddSingleton(StoreLocation.Of(provider, connectionString));
        services.AddSingleton<IStoreFaults, StoreFaults>();
        services.AddSingleton<IKeyStore, EfKeyStore>();
        services.AddSingleton<IKeyCeremonyStore, EfKeyCeremonyStore>();
        services.AddSingleton<ICardStore, EfCardStore>();
        services.AddSingleton<IClientStore, EfClientStore>();
        services.AddSingleton<IAtcStore, EfAtcStore>();
        services.AddSingleton<EfLockoutStore>();
        services.AddSingleton<ILockoutStore>(sp => sp.GetRequiredService<EfLockoutStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<EfLockoutStore>());
        services.AddSingleton<IAuditStore, EfAuditStore>();
        services.AddSingleton<IIdempotencyStore, EfIdempotencyStore>();
        services.AddSingleton<IDcvv2Store, EfDcvv2Store>();
        services.AddSingleton<ITokenVerificationStore, EfTokenVerificationStore>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        services.AddSingleton<ITokenCallbackStore, EfTokenCallbackStore>();
        services.AddRetention(provider);
        services.AddSingleton<HistoryChains>();
        services.AddSingleton<IThreeDsStore, EfThreeDsStore>();
        services.AddSingleton<IThreeDsHistoryStore, EfThreeDsHistoryStore>();
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
    /// (the service keeps no session state) and automatic preparation of the hot statements. Connect and command
    /// timeouts from <paramref name="timeouts"/> (also for the batched commands that do not go through EF); a timed-out
    /// command does not wait for the server to confirm its cancellation, which a frozen server never does. Explicit settings win.
    /// </summary>
    private static string Tuned(string connectionString, StoreTimeouts timeouts)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 50;
        }
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = Seconds(timeouts.Connect);
        }
        if (!given.ContainsKey("Command Timeout"))
        {
            builder.CommandTimeout = Seconds(timeouts.Command);
        }
        if (!given.ContainsKey("Cancellation Timeout"))
        {
            builder.CancellationTimeout = -1;
        }
        return builder.ConnectionString;
    }

    /// <summary>How long SQLite waits for another writer (another process on the same file) before it gives up.</summary>
    private static string WithBusyTimeout(string connectionString, int seconds)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Default Timeout"))
        {
            builder.DefaultTimeout = seconds;
        }
        return builder.ConnectionString;
    }

    private static int Seconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
