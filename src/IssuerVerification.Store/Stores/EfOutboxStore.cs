using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Delivery;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfOutboxStore(IDbContextFactory<IssuerDbContext> contexts) : IOutboxStore
{
    public async Task AddAsync(OutboxMessage message, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Outbox.Add(message);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string reference, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(m => m.Reference == reference).OrderBy(m => m.CreatedAt).ToListAsync(ct);
    }
}
