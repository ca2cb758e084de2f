using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfAuditStore(IDbContextFactory<IssuerDbContext> contexts) : IAuditStore
{
    public async Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var records = db.AuditLog.AsNoTracking();
        records = query.Before is { } before ? records.Where(e => e.Id < before) : records;
        records = query.From is { } from ? records.Where(e => e.At >= from) : records;
        records = query.To is { } to ? records.Where(e => e.At < to) : records;
        records = query.Client is { } client ? records.Where(e => e.Client == client) : records;
        records = query.Action is { } action ? records.Where(e => e.Action == action) : records;
        records = query.Outcome is { } outcome ? records.Where(e => e.Outcome == outcome) : records;
        records = query.Target is { } target ? records.Where(e => e.Target == target) : records;
        records = query.RequestId is { } requestId ? records.Where(e => e.RequestId == requestId) : records;
        records = query.CardFingerprint is { } card ? records.Where(e => e.CardFingerprint == card) : records;
        return await records.OrderByDescending(e => e.Id).Take(query.Limit).ToListAsync(ct);
    }

    public async IAsyncEnumerable<AuditEntry> InChainOrderAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var record in db.AuditLog.AsNoTracking().OrderBy(e => e.Chain).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return record;
        }
    }

    public async Task<IReadOnlyDictionary<string, AuditCheckpoint>> CheckpointsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditCheckpoints.AsNoTracking().ToDictionaryAsync(c => c.Chain, ct);
    }
}
