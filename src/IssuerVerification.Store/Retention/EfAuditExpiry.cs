using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Retention;

/// <summary>
/// SQLite deletes expired audit records in batches. PostgreSQL keeps the log in monthly partitions and drops whole months
/// through the functions of Migrations/AuditPartitionsData.cs, which run as the owner: the service's own user may not
/// delete audit records (docs/audit.md), and the functions never drop a month younger than 365 days.
/// </summary>
internal sealed class EfAuditExpiry(IDbContextFactory<IssuerDbContext> contexts, bool partitioned) : IAuditExpiry
{
    /// <summary>Months the job creates ahead of the current one, so inserts never wait for a partition.</summary>
    public const int MonthsAhead = 3;

    public DateTime KeepFrom(DateTime cutoff) => partitioned ? new DateTime(cutoff.Year, cutoff.Month, 1, 0, 0, 0, DateTimeKind.Utc) : cutoff;

    public async Task PrepareAsync(DateTime now, CancellationToken ct)
    {
        if (partitioned)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT iv_audit_prepare({now}, {MonthsAhead})", ct);
        }
    }

    public async IAsyncEnumerable<AuditEntry> ExpiringAsync(DateTime keepFrom, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expiring = db.AuditLog.AsNoTracking().Where(e => e.At < keepFrom).OrderBy(e => e.Chain).ThenBy(e => e.Seq);
        await foreach (var record in expiring.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return record;
        }
    }

    public async Task RemoveAsync(DateTime keepFrom, IReadOnlyCollection<AuditCheckpoint> checkpoints, int batch, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var c in checkpoints)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "AuditCheckpoints" ("Chain", "Seq", "Link", "At") VALUES ({c.Chain}, {c.Seq}, {c.Link}, {c.At})
                    ON CONFLICT ("Chain") DO UPDATE SET "Seq" = excluded."Seq", "Link" = excluded."Link", "At" = excluded."At"
                    """, ct);
            }
            if (partitioned)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT iv_audit_expire({keepFrom})", ct);
            }
            await transaction.CommitAsync(ct);
        }
        // A removal cut short leaves records behind their checkpoints: the integrity check passes over them, the next run removes them.
        while (!partitioned && await db.AuditLog.Where(e => e.At < keepFrom).OrderBy(e => e.Id).Take(batch).ExecuteDeleteAsync(ct) == batch)
        {
        }
    }
}
