using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IssuerVerification.Store.Stores;

internal static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };

    /// <summary>Adds <paramref name="entity"/>; a unique-key clash becomes a <see cref="Domain.Common.ConflictException"/>.</summary>
    public static async Task AddAsync<T>(IDbContextFactory<IssuerDbContext> contexts, T entity, string conflict, CancellationToken ct)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Is(e))
        {
            throw new Domain.Common.ConflictException(conflict);
        }
    }
}
