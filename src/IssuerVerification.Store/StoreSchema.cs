using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store;

/// <summary>The committed migrations of the configured provider.</summary>
internal sealed class StoreSchema(IDbContextFactory<IssuerDbContext> contexts) : IStoreSchema
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(StoreTimeouts.Migration);
        await db.Database.MigrateAsync(ct);
    }

    public async Task<bool> HasPendingMigrationsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Database.GetPendingMigrationsAsync(ct)).Any();
    }
}
