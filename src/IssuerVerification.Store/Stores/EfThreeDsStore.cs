using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Authentications with optimistic concurrency on their version, and the history record of a final one in the same
/// transaction, chained on one of this process's <see cref="HistoryChains"/>: the record is durable before the answer.
/// </summary>
internal sealed class EfThreeDsStore(IDbContextFactory<IssuerDbContext> contexts, HistoryChains chains) : IThreeDsStore
{
    public async Task<bool> TryAddAsync(ThreeDsAuthentication authentication, IssuedValue? value, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ThreeDsAuthentications.Add(authentication);
        if (value is not null)
        {
            db.ThreeDsIssuedValues.Add(value);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
        await CommitAsync(db, authentication, ct);
        return true;
    }

    public async Task<ThreeDsAuthentication?> FindAsync(Guid acsTransId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking().SingleOrDefaultAsync(a => a.AcsTransId == acsTransId, ct);
    }

    public async Task<ThreeDsAuthentication?> FindByServerTransIdAsync(string threeDsServerTransId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking().SingleOrDefaultAsync(a => a.ThreeDsServerTransId == threeDsServerTransId, ct);
    }

    public async Task<bool> TryUpdateAsync(ThreeDsAuthentication authentication, int readVersion, IssuedValue? value, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = db.ThreeDsAuthentications.Update(authentication);
        entry.Property(a => a.Version).OriginalValue = readVersion;
        if (value is not null)
        {
            db.ThreeDsIssuedValues.Add(value);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        if (authentication.IsFinal)
        {
            var reference = authentication.AcsTransId.ToString();
            await db.Outbox.Where(m => m.Reference == reference).ExecuteDeleteAsync(ct);
        }
        await CommitAsync(db, authentication, ct);
        return true;
    }

    public async Task<IReadOnlyList<ThreeDsAuthentication>> DueForTimeoutAsync(DateTime now, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking()
            .Where(a => a.TransStatus == TransStatus.Challenge && a.ExpiresAt <= now).OrderBy(a => a.ExpiresAt).Take(max).ToListAsync(ct);
    }

    public async Task<ValueUse> UseValueAsync(byte[] valueHash, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ThreeDsIssuedValues.Where(v => v.ValueHash == valueHash && v.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.UsedAt, at), ct) == 1)
        {
            return ValueUse.Used;
        }
        return await db.ThreeDsIssuedValues.AnyAsync(v => v.ValueHash == valueHash, ct) ? ValueUse.AlreadyUsed : ValueUse.Unknown;
    }

    /// <summary>Commits, with the history record when the authentication is final.</summary>
    private async Task CommitAsync(IssuerDbContext db, ThreeDsAuthentication authentication, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        if (!authentication.IsFinal)
        {
            await transaction.CommitAsync(ct);
            return;
        }
        var head = await chains.TakeAsync(ct);
        ThreeDsHistoryRecord? committed = null;
        try
        {
            var record = head.Append(ThreeDsHistoryRecord.Of(authentication));
            db.ThreeDsHistory.Add(record);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            committed = record;
        }
        finally
        {
            chains.Return(head, committed);
        }
    }
}
