using System.Data.Common;
using System.Globalization;
using System.Text;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Verification;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Card state reads, and the one writer of decisions and audit records: by group commit, each batch in one transaction
/// (lockout statements, then one multi-row INSERT of the records), each caller answered once that transaction committed.
/// </summary>
internal sealed class EfLockoutStore : ILockoutStore, IAuditLog, IAsyncDisposable
{
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly GroupCommit<Decision, bool> _decisions;

    public EfLockoutStore(IDbContextFactory<IssuerDbContext> contexts)
    {
        _contexts = contexts;
        _decisions = new GroupCommit<Decision, bool>(CommitAsync);
    }

    public async Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await _cardStateQuery(db, cardFingerprint, ct);
    }

    /// <summary>
    /// One round trip, compiled once per store (a compiled query belongs to one model: SQLite or PostgreSQL).
    /// Both sides are optional: an unregistered PAN, a card that never failed.
    /// </summary>
    private readonly Func<IssuerDbContext, byte[], CancellationToken, Task<CardState>> _cardStateQuery =
        EF.CompileAsyncQuery((IssuerDbContext db, byte[] fingerprint, CancellationToken ct) => (
            from card in db.Cards.AsNoTracking().Where(c => c.PanFingerprint == fingerprint).DefaultIfEmpty()
            from lockout in db.CardLockouts.Where(l => l.CardFingerprint == fingerprint).DefaultIfEmpty()
            select new CardState(card, new LockoutState(lockout == null ? 0 : lockout.ConsecutiveFailures, lockout == null ? null : lockout.LockedUntil)))
            .Single());

    public Task<bool> DecideAsync(Decision decision, CancellationToken ct) => _decisions.SubmitAsync(decision);

    public Task WriteAsync(AuditEntry entry, CancellationToken ct) =>
        _decisions.SubmitAsync(new Decision(entry, LockoutEffect.None, 0, default, default));

    private async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<Decision> decisions)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        var locked = await ApplyEffectsAsync(connection, transaction, decisions);
        await InsertAuditAsync(connection, transaction, decisions.Select((d, i) => locked[i] ? d.LockedAudit : d.Audit).ToList());
        await transaction.CommitAsync();
        return locked;
    }

    /// <summary>
    /// One conditional statement per decision with an effect, in one command. The statement takes the card's row lock and
    /// tests the lock on the row as it is then, so decisions on one card are serialised in commit order on every replica.
    /// A failure is counted (and may lock) only on a card not locked; a reset says whether the card was locked. Rows are
    /// taken in fingerprint order (stable, so two decisions on one card keep theirs), so concurrent batches cannot deadlock.
    /// </summary>
    private static async Task<bool[]> ApplyEffectsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Decision> decisions)
    {
        var locked = new bool[decisions.Count];
        var order = Enumerable.Range(0, decisions.Count).Where(i => decisions[i].Effect != LockoutEffect.None)
            .OrderBy(i => decisions[i].Audit.CardFingerprint, FingerprintOrder).ToList();
        if (order.Count == 0)
        {
            return locked;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder();
        foreach (var i in order)
        {
            var d = decisions[i];
            sql.Append(d.Effect == LockoutEffect.CountFailure ? CountFailureSql(i) : ResetSql(i));
            command.AddParameter($"@f{i}", d.Audit.CardFingerprint);
            command.AddParameter($"@n{i}", d.Now);
            if (d.Effect == LockoutEffect.CountFailure)
            {
                command.AddParameter($"@m{i}", d.MaxFailures);
                command.AddParameter($"@u{i}", d.LockUntil);
            }
        }
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync();
        foreach (var i in order)
        {
            var row = await reader.ReadAsync();
            // A counted failure returns its row; a reset returns a row only for a card that had failures or a lock.
            locked[i] = decisions[i].Effect == LockoutEffect.CountFailure ? !row : row && reader.GetInt32(0) == 1;
            await reader.NextResultAsync();
        }
        return locked;
    }

    private static string CountFailureSql(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO "CardLockouts" ("CardFingerprint", "ConsecutiveFailures", "LockedUntil")
        VALUES (@f{i}, CASE WHEN @m{i} <= 1 THEN 0 ELSE 1 END, CASE WHEN @m{i} <= 1 THEN @u{i} END)
        ON CONFLICT ("CardFingerprint") DO UPDATE SET
          "ConsecutiveFailures" = CASE WHEN "CardLockouts"."ConsecutiveFailures" + 1 >= @m{i} THEN 0 ELSE "CardLockouts"."ConsecutiveFailures" + 1 END,
          "LockedUntil" = CASE WHEN "CardLockouts"."ConsecutiveFailures" + 1 >= @m{i} THEN @u{i} ELSE "CardLockouts"."LockedUntil" END
        WHERE "CardLockouts"."LockedUntil" IS NULL OR "CardLockouts"."LockedUntil" <= @n{i}
        RETURNING 0;

        """);

    private static string ResetSql(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        UPDATE "CardLockouts" SET "ConsecutiveFailures" = CASE WHEN "LockedUntil" > @n{i} THEN "ConsecutiveFailures" ELSE 0 END
        WHERE "CardFingerprint" = @f{i} AND ("ConsecutiveFailures" > 0 OR "LockedUntil" > @n{i})
        RETURNING CASE WHEN "LockedUntil" > @n{i} THEN 1 ELSE 0 END;

        """);

    private static async Task InsertAuditAsync(DbConnection connection, DbTransaction transaction, List<AuditEntry> entries)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("""INSERT INTO "AuditLog" ("At", "Client", "Action", "CardFingerprint", "Outcome", "Reason") VALUES """);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@t{i}, @c{i}, @a{i}, @f{i}, @o{i}, @r{i})");
            command.AddParameter($"@t{i}", entry.At);
            command.AddParameter($"@c{i}", entry.Client);
            command.AddParameter($"@a{i}", entry.Action);
            command.AddParameter($"@f{i}", entry.CardFingerprint);
            command.AddParameter($"@o{i}", entry.Outcome);
            command.AddParameter($"@r{i}", entry.Reason);
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static readonly Comparer<byte[]?> FingerprintOrder = Comparer<byte[]?>.Create((x, y) => x.AsSpan().SequenceCompareTo(y));

    public ValueTask DisposeAsync() => _decisions.DisposeAsync();
}
