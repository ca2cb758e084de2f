using System.Runtime.CompilerServices;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfThreeDsHistoryStore(IDbContextFactory<IssuerDbContext> contexts, TimeProvider clock) : IThreeDsHistoryStore
{
    public async Task<HistoryPage> QueryAsync(HistoryQuery q, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var records = db.ThreeDsHistory.AsNoTracking();
        records = q.From is { } from ? records.Where(r => r.CreatedAt >= from) : records;
        records = q.To is { } to ? records.Where(r => r.CreatedAt < to) : records;
        records = q.Bin is { } bin ? records.Where(r => r.Bin == bin) : records;
        records = q.Last4 is { } last4 ? records.Where(r => r.Last4 == last4) : records;
        records = q.TransStatus is { } status ? records.Where(r => r.TransStatus == status) : records;
        var total = await records.LongCountAsync(ct);
        var items = await records.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return new HistoryPage(items, q.Page, q.PageSize, total);
    }

    public async Task<ThreeDsHistoryRecord?> FindAsync(Guid acsTransId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsHistory.AsNoTracking().SingleOrDefaultAsync(r => r.AcsTransId == acsTransId, ct);
    }

    public async Task<IReadOnlyList<HistoryCheckpoint>> CheckpointsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsHistoryCheckpoints.AsNoTracking().ToListAsync(ct);
    }

    public async IAsyncEnumerable<ThreeDsHistoryRecord> InChainOrderAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var record in db.ThreeDsHistory.AsNoTracking().OrderBy(r => r.Chain).ThenBy(r => r.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return record;
        }
    }

    public async Task<int> PurgeBeforeAsync(DateTime cutoff, int batchSize, CancellationToken ct)
    {
        var purged = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A chain's records complete nearly, not exactly, in its order: only what precedes its first record to keep goes.
            var kept = await db.ThreeDsHistory.Where(r => r.CompletedAt >= cutoff).GroupBy(r => r.Chain)
                .Select(g => new { Chain = g.Key, First = g.Min(r => r.Seq) }).ToDictionaryAsync(k => k.Chain, k => k.First, ct);
            var batch = (await db.ThreeDsHistory.Where(r => r.CompletedAt < cutoff).OrderBy(r => r.Id).Take(batchSize)
                    .Select(r => new { r.Id, r.Chain, r.Seq, r.Link }).ToListAsync(ct))
                .Where(r => !kept.TryGetValue(r.Chain, out var first) || r.Seq < first).ToList();
            if (batch.Count == 0)
            {
                return purged;
            }
            foreach (var last in batch.GroupBy(r => r.Chain).Select(g => g.MaxBy(r => r.Seq)!))
            {
                var checkpoint = await db.ThreeDsHistoryCheckpoints.SingleOrDefaultAsync(c => c.Chain == last.Chain, ct);
                if (checkpoint is null)
                {
                    checkpoint = new HistoryCheckpoint { Chain = last.Chain, Link = last.Link };
                    db.ThreeDsHistoryCheckpoints.Add(checkpoint);
                }
                checkpoint.NextSeq = last.Seq + 1;
                checkpoint.Link = last.Link;
                checkpoint.PurgedAt = clock.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(ct);
            var ids = batch.Select(r => r.Id).ToList();
            await db.ThreeDsHistory.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            purged += batch.Count;
        }
    }
}
