using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>The store's services on a migrated, empty database of either provider (<see cref="TestStores"/>), dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(ServiceProvider services, Func<Task> drop)
    {
        Services = services;
        _drop = drop;
    }

    public ServiceProvider Services { get; }

    public static async Task<TestDatabase> CreateAsync(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var services = new ServiceCollection()
            .AddIssuerStore(Enum.Parse<StorageProvider>(provider), connectionString)
            .AddSingleton<IAuditMac, TestAuditMac>()
            .AddSingleton<AuditTrail>()
            .BuildServiceProvider();
        await using (var db = await services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        return new TestDatabase(services, drop);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _drop();
    }
}
