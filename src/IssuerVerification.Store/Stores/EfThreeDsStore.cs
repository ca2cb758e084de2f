using System.Text;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Authentications with optimistic concurrency on their version, and the history record of a final one in the same
/// transaction, chained on one of this process's <see cref="HistoryChains"/>: the record is durable before the answer.
/// New authentications are written by a group commit (one transaction a batch, one chain a batch), two batches at a time
/// (each on its own chain), so that one slow commit does not hold every AReq queued behind it (bench/README.md).
/// </summary>
internal sealed class EfThreeDsStore : IThreeDsStore, IAsyncDisposable
{
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly HistoryChains _chains;
    private readonly GroupCommit<NewAuthentication, bool> _adds;

    public EfThreeDsStore(IDbContextFactory<IssuerDbContext> contexts, HistoryChains chains)
    {
        _contexts = contexts;
        _chains = chains;
        _adds = new GroupCommit<NewAuthentication, bool>("three_ds_authentications", AddAllAsync, writers: 2);
    }

    private sealed record NewAuthentication(ThreeDsAuthentication Authentication, IssuedValue? Value);

    public Task<bool> TryAddAsync(ThreeDsAuthentication authentication, IssuedValue? value, CancellationToken ct) =>
        _adds.SubmitAsync(new NewAuthentication(authentication, value));

    /// <summary>Writes a batch of new authentications; answers, in the batch's order, whether each was new (false: a replay).</summary>
    private async Task<IReadOnlyList<bool>> AddAllAsync(IReadOnlyList<NewAuthentication> adds)
    {
        // A final authentication's trace is kept by its history record alone (the row keeps one only while a challenge needs it).
        var records = adds.Where(a => a.Authentication.IsFinal).ToDictionary(a => a.Authentication.AcsTransId, a => ThreeDsHistoryRecord.Of(a.Authentication));
        foreach (var add in adds.Where(a => a.Authentication.IsFinal))
        {
            add.Authentication.Trace = [];
        }
        // The authentications go in threeDSServerTransID order, so concurrent batches take the unique index's entries in one
        // order and cannot deadlock; the answers keep the batch's order.
        List<NewAuthentication> ordered = [.. adds.OrderBy(a => a.Authentication.ThreeDsServerTransId, StringComparer.Ordinal)];
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        if (db.Database.IsNpgsql() && await TryAddAllAtOnceAsync(db, ordered, records))
        {
            return [.. adds.Select(_ => true)];
        }
        var inserted = await AddNewOnesAsync(db, ordered, records);
        return [.. adds.Select(a => inserted.Contains(a.Authentication.AcsTransId))];
    }

    /// <summary>
    /// PostgreSQL, when no AReq of the batch is a replay (the usual case): the authentications, issued values and chained
    /// history records in one command, one round trip and one implicit transaction. A replay breaks the unique index on
    /// threeDSServerTransID, which aborts all three inserts: false, and the batch is written by <see cref="AddNewOnesAsync"/>.
    /// </summary>
    private Task<bool> TryAddAllAtOnceAsync(IssuerDbContext db, IReadOnlyList<NewAuthentication> adds, Dictionary<Guid, ThreeDsHistoryRecord> records) =>
        ChainedAsync(adds, records, async chained =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var sql = new StringBuilder();
            ModelSql.AppendInsert(db, command, sql, "a", [.. adds.Select(a => a.Authentication)]);
            ModelSql.AppendInsert(db, command, sql, "v", [.. adds.Select(a => a.Value).OfType<IssuedValue>()]);
            ModelSql.AppendInsert(db, command, sql, "h", chained);
            command.CommandText = sql.ToString();
            try
            {
                await command.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return false;
            }
        });

    /// <summary>
    /// Inserts the batch's authentications, skipping each whose threeDSServerTransID exists already (its unique index: a
    /// replay, here or on another replica, is found by the insert and not by a lookup before it), then the issued values
    /// and the chained history records of the ones inserted, and commits; returns the ones inserted.
    /// </summary>
    private async Task<HashSet<Guid>> AddNewOnesAsync(IssuerDbContext db, IReadOnlyList<NewAuthentication> adds, Dictionary<Guid, ThreeDsHistoryRecord> records)
    {
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        var inserted = new HashSet<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            var sql = new StringBuilder();
            ModelSql.AppendInsert(db, command, sql, "a", [.. adds.Select(a => a.Authentication)],
                """ ON CONFLICT ("ThreeDsServerTransId") DO NOTHING RETURNING "AcsTransId" """);
            command.CommandText = sql.ToString();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                inserted.Add(reader.GetGuid(0));
            }
        }
        var kept = adds.Where(a => inserted.Contains(a.Authentication.AcsTransId)).ToList();
        await ChainedAsync(kept, records, async chained =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder();
            ModelSql.AppendInsert(db, command, sql, "v", [.. kept.Select(a => a.Value).OfType<IssuedValue>()]);
            ModelSql.AppendInsert(db, command, sql, "h", chained);
            if (sql.Length > 0)
            {
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            return true;
        });
        return inserted;
    }

    /// <summary>
    /// Runs <paramref name="write"/> with the final ones' history records chained on a chain taken for it (none when no
    /// record is final); the chain moves on only when the write says it committed.
    /// </summary>
    private async Task<bool> ChainedAsync(IReadOnlyList<NewAuthentication> adds, Dictionary<Guid, ThreeDsHistoryRecord> records,
        Func<IReadOnlyList<ThreeDsHistoryRecord>, Task<bool>> write)
    {
        var final = adds.Where(a => a.Authentication.IsFinal).Select(a => records[a.Authentication.AcsTransId]).ToList();
        if (final.Count == 0)
        {
            return await write([]);
        }
        var head = await _chains.TakeAsync(CancellationToken.None);
        ThreeDsHistoryRecord? committed = null;
        try
        {
            var chained = head.Append(final);
            if (await write(chained))
            {
                committed = chained[^1];
                return true;
            }
            return false;
        }
        finally
        {
            _chains.Return(head, committed);
        }
    }

    public async Task<ThreeDsAuthentication?> FindAsync(Guid acsTransId, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking().SingleOrDefaultAsync(a => a.AcsTransId == acsTransId, ct);
    }

    public async Task<ThreeDsAuthentication?> FindByServerTransIdAsync(string threeDsServerTransId, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking().SingleOrDefaultAsync(a => a.ThreeDsServerTransId == threeDsServerTransId, ct);
    }

    public async Task<bool> TryUpdateAsync(ThreeDsAuthentication authentication, int readVersion, IssuedValue? value, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = db.ThreeDsAuthentications.Update(authentication);
        entry.Property(a => a.Version).OriginalValue = readVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        // The value after the update: a concurrent change waits on the authentication's row and then finds another version,
        // instead of racing to insert the same authentication's value.
        if (value is not null)
        {
            db.ThreeDsIssuedValues.Add(value);
            await db.SaveChangesAsync(ct);
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
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.ThreeDsAuthentications.AsNoTracking()
            .Where(a => a.TransStatus == TransStatus.Challenge && a.ExpiresAt <= now).OrderBy(a => a.ExpiresAt).Take(max).ToListAsync(ct);
    }

    public async Task<ValueUse> UseValueAsync(byte[] valueHash, DateTime at, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var unused = db.ThreeDsIssuedValues.Where(v => v.ValueHash == valueHash && v.UsedAt == null);
        // One unused issuance of the value at a time; a concurrent use may take the one picked first, then the next is tried.
        do
        {
            var first = unused.OrderBy(v => v.IssuedAt).Select(v => v.AcsTransId).Take(1);
            if (await db.ThreeDsIssuedValues.Where(v => first.Contains(v.AcsTransId) && v.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.UsedAt, at), ct) == 1)
            {
                return ValueUse.Used;
            }
        }
        while (await unused.AnyAsync(ct));
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
        var head = await _chains.TakeAsync(ct);
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
            _chains.Return(head, committed);
        }
    }

    public ValueTask DisposeAsync() => _adds.DisposeAsync();
}
