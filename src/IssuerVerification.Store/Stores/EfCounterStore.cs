using IssuerVerification.Domain.Verification;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>Counters updated with single conditional statements, so concurrent requests on any replica stay exact.</summary>
internal sealed class EfCounterStore(IDbContextFactory<IssuerDbContext> contexts) : ICounterStore
{
    public async Task<int?> LastAtcAsync(byte[] cardFingerprint, string application, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AtcCounters.Where(c => c.CardFingerprint == cardFingerprint && c.Application == application)
            .Select(c => (int?)c.LastAtc).SingleOrDefaultAsync(ct);
    }

    public async Task<bool> TryAdvanceAtcAsync(byte[] cardFingerprint, string application, int atc, int maxStep, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One statement for a known card; a first ATC inserts the row, and of racing first ATCs one insert wins.
        var updated = await db.AtcCounters
            .Where(c => c.CardFingerprint == cardFingerprint && c.Application == application && c.LastAtc < atc && c.LastAtc >= atc - maxStep)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAtc, atc), ct);
        return updated == 1 || await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "AtcCounters" ("CardFingerprint", "Application", "LastAtc") VALUES ({cardFingerprint}, {application}, {atc}) ON CONFLICT DO NOTHING""", ct) == 1;
    }

    public async Task<LockoutState> LockoutAsync(byte[] cardFingerprint, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.CardLockouts.AsNoTracking().SingleOrDefaultAsync(c => c.CardFingerprint == cardFingerprint, ct);
        return new LockoutState(row?.ConsecutiveFailures ?? 0, row?.LockedUntil);
    }

    public async Task RecordFailureAsync(byte[] cardFingerprint, int maxFailures, DateTime lockUntil, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CardLockouts" ("CardFingerprint", "ConsecutiveFailures") VALUES ({cardFingerprint}, 0) ON CONFLICT DO NOTHING""", ct);
        await db.CardLockouts.Where(c => c.CardFingerprint == cardFingerprint).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LockedUntil, c => c.ConsecutiveFailures + 1 >= maxFailures ? lockUntil : c.LockedUntil)
            .SetProperty(c => c.ConsecutiveFailures, c => c.ConsecutiveFailures + 1 >= maxFailures ? 0 : c.ConsecutiveFailures + 1), ct);
    }

    public async Task ResetFailuresAsync(byte[] cardFingerprint, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.CardLockouts.Where(c => c.CardFingerprint == cardFingerprint)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsecutiveFailures, 0), ct);
    }
}
