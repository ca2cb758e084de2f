using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfIdempotencyStore(IDbContextFactory<IssuerDbContext> contexts) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> FindAsync(string client, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Client == client && r.Key == key, ct);
    }

    public async Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken ct)
    {
        try
        {
            await UniqueViolation.AddAsync(contexts, record, "", ct);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}
