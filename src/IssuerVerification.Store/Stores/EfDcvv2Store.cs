using IssuerVerification.Domain.Dcvv2;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfDcvv2Store(IDbContextFactory<IssuerDbContext> contexts) : IDcvv2Store
{
    public async Task AddIssuanceAsync(Dcvv2Issuance issuance, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Dcvv2Issuances.Add(issuance);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<Dcvv2Issuance>> IssuancesAsync(byte[] cardFingerprint, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Dcvv2Issuances.AsNoTracking().Where(i => i.CardFingerprint == cardFingerprint).ToListAsync(ct);
    }

    public async Task<bool> TryUseWindowAsync(byte[] cardFingerprint, long window, int windowMinutes, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "Dcvv2UsedWindows" ("CardFingerprint", "WindowMinutes", "WindowIndex", "UsedAt") VALUES ({cardFingerprint}, {windowMinutes}, {window}, {at}) ON CONFLICT DO NOTHING""", ct);
        return inserted == 1;
    }
}
