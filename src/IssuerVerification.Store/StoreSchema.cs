using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store;

/// <summary>The committed migrations of the configured provider.</summary>
internal sealed class StoreSchema(IDbContextFactory<IssuerDbContext> contexts) : IStoreSchema
{
    /// <summary>
    /// Applies pending migrations; with none pending it changes nothing, so a service user without DDL rights (and with
    /// the audit table insert-only: docs/audit.md) starts on a schema its owner migrated.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(StoreTimeouts.Migration);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    public async Task<bool> HasPendingMigrationsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Database.GetPendingMigrationsAsync(ct)).Any();
    }
}
