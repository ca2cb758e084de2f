using System.Data.Common;
using System.Globalization;
using System.Text;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Verification;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Card state reads, and the one writer of decisions and audit records: by group commit, each batch in one transaction
/// (per decision its lockout statement, and every audit record), each caller answered once that transaction committed.
/// The records are chained in commit order (<see cref="ChainHead"/>); each is stamped with its request (<see cref="AuditContext"/>).
/// </summary>
internal sealed class EfLockoutStore : ILockoutStore, IAuditLog, IAsyncDisposable
{
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly GroupCommit<Decision, DecisionOutcome> _decisions;
    private readonly AuditChain _chain;
    private ChainHead _head = ChainHead.New();

    public EfLockoutStore(IDbContextFactory<IssuerDbContext> contexts, IAuditMac mac)
    {
        _contexts = contexts;
        _chain = new AuditChain(mac);
        _decisions = new GroupCommit<Decision, DecisionOutcome>("decisions", CommitAsync);
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

    public Task<DecisionOutcome> DecideAsync(Decision decision, CancellationToken ct) =>
        _decisions.SubmitAsync(decision with { Audit = AuditContext.Stamp(decision.Audit) });

    public Task WriteAsync(AuditEntry entry, CancellationToken ct) =>
        _decisions.SubmitAsync(new Decision(AuditContext.Stamp(entry), LockoutEffect.None, 0, default, default));

    /// <summary>One batch (the group commit runs one at a time, so the chain's head needs no lock).</summary>
    private async Task<IReadOnlyList<DecisionOutcome>> CommitAsync(IReadOnlyList<Decision> decisions)
    {
        var locks = new bool[decisions.Count];
        var records = new AuditEntry[decisions.Count];
        var ifLocked = new AuditEntry?[decisions.Count];
        var next = _head.Extend(_chain, [.. decisions.Select(d => d.Audit)],
            (i, entry) => decisions[i].Effect == LockoutEffect.None ? null : Decision.AsLocked(entry), records, ifLocked);
        try
        {
            var locked = await CommitAsync(decisions, records, ifLocked, locks);
            _head = next;
            return [.. locked.Select((l, i) => l ? DecisionOutcome.CardLocked : locks[i] ? DecisionOutcome.StandsAndLocks : DecisionOutcome.Stands)];
        }
        catch
        {
            _head = ChainHead.New();
            throw;
        }
    }

    /// <summary>Whether each decision found its card locked; <paramref name="locks"/> gets which failures locked it.</summary>
    private async Task<bool[]> CommitAsync(IReadOnlyList<Decision> decisions, AuditEntry[] records, AuditEntry?[] ifLocked, bool[] locks)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        // Rows are taken in fingerprint order (stable, so two decisions on one card keep theirs): concurrent batches cannot deadlock.
        var effects = Enumerable.Range(0, decisions.Count).Where(i => decisions[i].Effect != LockoutEffect.None)
            .OrderBy(i => decisions[i].Audit.CardFingerprint, FingerprintOrder).ToList();
        var plain = Enumerable.Range(0, decisions.Count).Where(i => decisions[i].Effect == LockoutEffect.None).ToList();
        if (!db.Database.IsNpgsql())
        {
            return await CommitInStepsAsync(db, decisions, effects, records, ifLocked, locks);
        }
        return effects.TrueForAll(i => decisions[i].Effect == LockoutEffect.Reset)
            ? await CommitMatchesAsync(db, decisions, effects, plain, records, ifLocked)
            : await CommitInOneRoundTripAsync(db, decisions, effects, plain, records, ifLocked, locks);
    }

    /// <summary>
    /// PostgreSQL, a batch whose verifications all matched (the usual case): one statement resets every card of the batch
    /// that has failures (rows taken in key order, as an index scan of <c>= ANY</c> visits them) and inserts every record
    /// with the outcome that stands, joined to what the reset found; then the plain records. One round trip.
    /// </summary>
    private static async Task<bool[]> CommitMatchesAsync(
        IssuerDbContext db, IReadOnlyList<Decision> decisions, List<int> matches, List<int> plain, AuditEntry[] records, AuditEntry?[] ifLocked)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var locked = new bool[decisions.Count];
        var sql = new StringBuilder();
        if (matches.Count > 0)
        {
            command.AddParameter("@lo", AuditOutcomes.NoMatch);
            command.AddParameter("@lr", MismatchReason.CardLocked.Code());
            command.AddParameter("@now", matches.Max(i => decisions[i].Now));
            command.AddParameter("@mt", matches.Select(i => records[i].At).ToArray());
            command.AddParameter("@mq", matches.Select(i => records[i].RequestId).ToArray());
            command.AddParameter("@mc", matches.Select(i => records[i].Client).ToArray());
            command.AddParameter("@ms", matches.Select(i => records[i].Source).ToArray());
            command.AddParameter("@ma", matches.Select(i => records[i].Action).ToArray());
            command.AddParameter("@mg", matches.Select(i => records[i].Target).ToArray());
            command.AddParameter("@mf", matches.Select(i => records[i].CardFingerprint!).ToArray());
            command.AddParameter("@mo", matches.Select(i => records[i].Outcome).ToArray());
            command.AddParameter("@mr", matches.Select(i => records[i].Reason).ToArray());
            command.AddParameter("@mh", matches.Select(i => records[i].Chain).ToArray());
            command.AddParameter("@mn", matches.Select(i => records[i].Seq).ToArray());
            command.AddParameter("@mk", matches.Select(i => records[i].Mac).ToArray());
            command.AddParameter("@ml", matches.Select(i => ifLocked[i]!.Mac).ToArray());
            sql.Append($$"""
                WITH d AS (
                  UPDATE "CardLockouts" SET "ConsecutiveFailures" = CASE WHEN "LockedUntil" > @now THEN "ConsecutiveFailures" ELSE 0 END,
                    "LockedUntil" = CASE WHEN "LockedUntil" > @now THEN "LockedUntil" END
                  WHERE "CardFingerprint" = ANY(@mf) AND ("ConsecutiveFailures" > 0 OR "LockedUntil" IS NOT NULL)
                  RETURNING "CardFingerprint" AS f, "LockedUntil" > @now AS locked)
                INSERT INTO "AuditLog" ({{Columns}})
                SELECT v.t, v.q, v.c, v.s, v.a, v.g, v.f, CASE WHEN COALESCE(d.locked, FALSE) THEN @lo ELSE v.o END,
                  CASE WHEN COALESCE(d.locked, FALSE) THEN @lr ELSE v.r END, v.h, v.n, CASE WHEN COALESCE(d.locked, FALSE) THEN v.l ELSE v.k END
                FROM unnest(@mt, @mq, @mc, @ms, @ma, @mg, @mf, @mo, @mr, @mh, @mn, @mk, @ml) AS v(t, q, c, s, a, g, f, o, r, h, n, k, l)
                LEFT JOIN d ON d.f = v.f
                RETURNING "CardFingerprint", COALESCE("Reason" = @lr, FALSE);

                """);
        }
        ModelSql.AppendInsert(db, command, sql, "p", [.. plain.Select(i => records[i])]);
        command.CommandText = sql.ToString();
        var lockedCards = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (matches.Count > 0 && await reader.ReadAsync())
            {
                if (reader.GetBoolean(1))
                {
                    lockedCards.Add(Convert.ToBase64String((byte[])reader.GetValue(0)));
                }
            }
        }
        foreach (var i in matches)
        {
            locked[i] = lockedCards.Contains(Convert.ToBase64String(decisions[i].Audit.CardFingerprint!));
        }
        return locked;
    }

    /// <summary>
    /// PostgreSQL: one command. Per decision with an effect, one statement applies the lockout statement and inserts the audit
    /// record with the outcome that stands (a data-modifying CTE); then one INSERT of the plain records. PostgreSQL runs the
    /// statements of one command in one implicit transaction and commits it before it answers: one round trip a batch.
    /// </summary>
    private static async Task<bool[]> CommitInOneRoundTripAsync(
        IssuerDbContext db, IReadOnlyList<Decision> decisions, List<int> effects, List<int> plain, AuditEntry[] records, AuditEntry?[] ifLocked, bool[] locks)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder();
        var locked = new bool[decisions.Count];
        command.AddParameter("@lo", AuditOutcomes.NoMatch);
        command.AddParameter("@lr", MismatchReason.CardLocked.Code());
        foreach (var i in effects)
        {
            var stands = decisions[i].Effect == LockoutEffect.CountFailure ? "COALESCE((SELECT locked FROM d), TRUE)" : "COALESCE((SELECT locked FROM d), FALSE)";
            sql.Append(CultureInfo.InvariantCulture, $"""
                WITH d AS ({EffectSql(command, decisions[i], i)})
                INSERT INTO "AuditLog" ({Columns})
                SELECT @t{i}, @q{i}, @c{i}, @s{i}, @a{i}, @g{i}, @f{i}, CASE WHEN {stands} THEN @lo ELSE @o{i} END, CASE WHEN {stands} THEN @lr ELSE @r{i} END,
                  @h{i}, @x{i}, CASE WHEN {stands} THEN @l{i} ELSE @k{i} END
                RETURNING COALESCE("Reason" = @lr, FALSE), COALESCE((SELECT locks FROM d), FALSE);

                """);
            AddAuditParameters(command, records[i], i);
            command.AddParameter($"@l{i}", ifLocked[i]!.Mac);
        }
        ModelSql.AppendInsert(db, command, sql, "p", [.. plain.Select(i => records[i])]);
        command.CommandText = sql.ToString();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            foreach (var i in effects)
            {
                await reader.ReadAsync();
                locked[i] = reader.GetBoolean(0);
                locks[i] = reader.GetBoolean(1);
                await reader.NextResultAsync();
            }
        }
        return locked;
    }

    /// <summary>SQLite (in process, so round trips cost nothing): the lockout statements, then the records, in one transaction.</summary>
    private static async Task<bool[]> CommitInStepsAsync(
        IssuerDbContext db, IReadOnlyList<Decision> decisions, List<int> effects, AuditEntry[] records, AuditEntry?[] ifLocked, bool[] locks)
    {
        var locked = new bool[decisions.Count];
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        if (effects.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = string.Concat(effects.Select(i => EffectSql(command, decisions[i], i) + ";\n"));
            await using var reader = await command.ExecuteReaderAsync();
            foreach (var i in effects)
            {
                var row = await reader.ReadAsync();
                locked[i] = decisions[i].Effect == LockoutEffect.CountFailure ? !row : row && !reader.IsDBNull(0) && reader.GetBoolean(0);
                locks[i] = row && reader.GetBoolean(1);
                await reader.NextResultAsync();
            }
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            var sql = new StringBuilder();
            ModelSql.AppendInsert(db, insert, sql, "p", [.. records.Select((record, i) => locked[i] ? ifLocked[i]! : record)]);
            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return locked;
    }

    /// <summary>
    /// The conditional statement of a decision with an effect; it returns columns <c>locked</c> and <c>locks</c> (this failure
    /// locked the card). Both clear a lock that has expired (so a lock's end is seen once). It takes the card's row lock
    /// and tests the lock on the row as it is then, so decisions on one card are serialised in commit order on every replica.
    /// A failure is counted (and may lock) only on a card not locked: a row back means counted, none means locked. A reset
    /// returns a row only for a card that had failures or a lock, saying whether it is locked.
    /// </summary>
    private static string EffectSql(DbCommand command, Decision d, int i)
    {
        command.AddParameter($"@f{i}", d.Audit.CardFingerprint);
        command.AddParameter($"@n{i}", d.Now);
        if (d.Effect == LockoutEffect.Reset)
        {
            return string.Create(CultureInfo.InvariantCulture, $"""
                UPDATE "CardLockouts" SET "ConsecutiveFailures" = CASE WHEN "LockedUntil" > @n{i} THEN "ConsecutiveFailures" ELSE 0 END,
                  "LockedUntil" = CASE WHEN "LockedUntil" > @n{i} THEN "LockedUntil" END
                WHERE "CardFingerprint" = @f{i} AND ("ConsecutiveFailures" > 0 OR "LockedUntil" IS NOT NULL)
                RETURNING "LockedUntil" > @n{i} AS locked, FALSE AS locks
                """);
        }
        command.AddParameter($"@m{i}", d.MaxFailures);
        command.AddParameter($"@u{i}", d.LockUntil);
        return string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO "CardLockouts" ("CardFingerprint", "ConsecutiveFailures", "LockedUntil")
            VALUES (@f{i}, CASE WHEN @m{i} <= 1 THEN 0 ELSE 1 END, CASE WHEN @m{i} <= 1 THEN @u{i} END)
            ON CONFLICT ("CardFingerprint") DO UPDATE SET
              "ConsecutiveFailures" = CASE WHEN "CardLockouts"."ConsecutiveFailures" + 1 >= @m{i} THEN 0 ELSE "CardLockouts"."ConsecutiveFailures" + 1 END,
              "LockedUntil" = CASE WHEN "CardLockouts"."ConsecutiveFailures" + 1 >= @m{i} THEN @u{i} END
            WHERE "CardLockouts"."LockedUntil" IS NULL OR "CardLockouts"."LockedUntil" <= @n{i}
            RETURNING FALSE AS locked, "LockedUntil" IS NOT NULL AS locks
            """);
    }

    /// <summary>The record's parameters but its fingerprint, which its decision's statement has added already.</summary>
    private static void AddAuditParameters(DbCommand command, AuditEntry entry, int i)
    {
        command.AddParameter($"@t{i}", entry.At);
        command.AddParameter($"@q{i}", entry.RequestId);
        command.AddParameter($"@c{i}", entry.Client);
        command.AddParameter($"@s{i}", entry.Source);
        command.AddParameter($"@a{i}", entry.Action);
        command.AddParameter($"@g{i}", entry.Target);
        command.AddParameter($"@o{i}", entry.Outcome);
        command.AddParameter($"@r{i}", entry.Reason);
        command.AddParameter($"@h{i}", entry.Chain);
        command.AddParameter($"@x{i}", entry.Seq);
        command.AddParameter($"@k{i}", entry.Mac);
    }

    private const string Columns =
        "\"At\", \"RequestId\", \"Client\", \"Source\", \"Action\", \"Target\", \"CardFingerprint\", \"Outcome\", \"Reason\", \"Chain\", \"Seq\", \"Mac\"";

    private static readonly Comparer<byte[]?> FingerprintOrder = Comparer<byte[]?>.Create((x, y) => x.AsSpan().SequenceCompareTo(y));

    public ValueTask DisposeAsync() => _decisions.DisposeAsync();
}
