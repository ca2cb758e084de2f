using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>The store's services on a migrated, empty database of either provider (<see cref="TestStores"/>), dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;
    private readonly string _provider;
    private readonly string _connectionString;

    private TestDatabase(string provider, string connectionString, Func<Task> drop)
    {
        (_provider, _connectionString, _drop) = (provider, connectionString, drop);
        Services = NewServices();
    }

    public ServiceProvider Services { get; }

    /// <summary>Another set of the store's services on the same database: another writer, as another replica has.</summary>
    public ServiceProvider NewServices(RetentionSettings? retention = null) => new ServiceCollection()
        .AddIssuerStore(Enum.Parse<StorageProvider>(_provider), _connectionString)
        .AddSingleton<IAuditMac, TestAuditMac>()
        .AddSingleton<AuditTrail>()
        .AddSingleton(retention ?? new RetentionSettings())
        .AddSingleton<AuditRetention>()
        .BuildServiceProvider();

    public static async Task<TestDatabase> CreateAsync(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var database = new TestDatabase(provider, connectionString, drop);
        await using (var db = await database.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _drop();
    }
}
