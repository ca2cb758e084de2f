using System.Data.Common;
using System.Text;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Every change is one conditional UPDATE on the verification row (pending, with the expected OTP hash, attempts or sends
/// left, time not over), with the rows that go with it in the same transaction: so two replicas never both finish one
/// verification, and a count never passes its maximum.
/// </summary>
internal sealed class EfTokenVerificationStore : ITokenVerificationStore, IAsyncDisposable
{
    private const TokenVerificationStatus Pending = TokenVerificationStatus.PendingIdv;
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly GroupCommit<Write, bool> _writes;
    private readonly GroupCommit<Guid, TokenVerification?> _reads;
    private readonly GroupCommit<(string TokenReference, string Subject), bool> _boundReads;
    private readonly AuditChain _chain;
    private ChainHead _head = ChainHead.New();

    public EfTokenVerificationStore(IDbContextFactory<IssuerDbContext> contexts, IAuditMac mac)
    {
        _contexts = contexts;
        _chain = new AuditChain(mac);
        _writes = new GroupCommit<Write, bool>("token_writes", WriteAllAsync);
        _reads = new GroupCommit<Guid, TokenVerification?>("token_reads", FindAllAsync);
        _boundReads = new GroupCommit<(string, string), bool>("token_binding_reads", AreBoundAsync);
    }

    /// <summary>A create or an OTP send, with its audit record.</summary>
    private abstract record Write(AuditEntry Audit);

    private sealed record NewVerification(TokenVerification Verification, TokenBinding? Binding, TokenCallback? Callback, AuditEntry Audit) : Write(Audit);

    private sealed record OtpReplacement(Guid Id, byte[] OtpHash, DateTime At, OutboxMessage? Message, AuditEntry Audit) : Write(Audit);

    public Task AddAsync(TokenVerification verification, TokenBinding? binding, TokenCallback? callback, AuditEntry audit, CancellationToken ct) =>
        _writes.SubmitAsync(new NewVerification(verification, binding, callback, AuditContext.Stamp(audit)));

    public Task<bool> TryReplaceOtpAsync(Guid id, byte[] otpHash, DateTime at, OutboxMessage? message, AuditEntry audit, CancellationToken ct) =>
        _writes.SubmitAsync(new OtpReplacement(id, otpHash, at, message, AuditContext.Stamp(audit)));

    /// <summary>
    /// Concurrent creates and OTP sends are written together with their audit records, chained on this writer's own chain
    /// (<see cref="ChainHead"/>): one transaction a batch (group commit). First the creates' rows (bindings in key order, so
    /// concurrent batches on any replica take their unique-index entries in one order; a subject bound already, or twice in
    /// the batch, keeps its first binding) with their records, and one conditional update per send, in id order (rows locked
    /// in one order: no deadlock; sends to one verification serialised); then, for the sends, the outbox messages of those
    /// that counted, and their records: <c>sent</c> as given, or <c>refused</c> (same link, other seal). On PostgreSQL each
    /// step is one round trip; a batch without sends is one step.
    /// </summary>
    private async Task<IReadOnlyList<bool>> WriteAllAsync(IReadOnlyList<Write> writes)
    {
        var records = new AuditEntry[writes.Count];
        var refused = new AuditEntry?[writes.Count];
        var next = _head.Extend(_chain, [.. writes.Select(w => w.Audit)],
            (i, entry) => writes[i] is OtpReplacement ? entry with { Outcome = AuditOutcomes.Refused } : null, records, refused);
        var creates = Enumerable.Range(0, writes.Count).Where(i => writes[i] is NewVerification).ToList();
        var adds = creates.ConvertAll(i => (NewVerification)writes[i]);
        var sends = Enumerable.Range(0, writes.Count).Where(i => writes[i] is OtpReplacement).OrderBy(i => ((OtpReplacement)writes[i]).Id).ToList();
        List<Statement> statements =
        [
            .. BatchedCommands.Insert([.. adds.Select(a => a.Verification)]),
            .. BatchedCommands.Insert([.. adds.Select(a => a.Callback).OfType<TokenCallback>()]),
            .. BatchedCommands.Insert([.. adds.Select(a => a.Binding).OfType<TokenBinding>()
                .OrderBy(b => b.TokenReference, StringComparer.Ordinal).ThenBy(b => b.Subject, StringComparer.Ordinal)], " ON CONFLICT DO NOTHING"),
            .. BatchedCommands.Insert([.. creates.Select(i => records[i])]),
        ];
        statements.AddRange(sends.Select(i => (Statement)((db, command) => ReplacementSql(db, command, (OtpReplacement)writes[i]))));
        IReadOnlyList<Statement> SendsThen(IReadOnlyList<bool> applied)
        {
            var counted = sends.Where((_, k) => applied[k]).ToHashSet();
            return
            [
                .. BatchedCommands.Insert([.. counted.Select(i => ((OtpReplacement)writes[i]).Message).OfType<OutboxMessage>()]),
                .. BatchedCommands.Insert([.. sends.Select(i => counted.Contains(i) ? records[i] : refused[i]!)]),
            ];
        }
        try
        {
            var applied = await _contexts.RunAsync(statements, row => row is not null, sends.Count == 0 ? null : SendsThen);
            _head = next;
            var results = new bool[writes.Count];
            creates.ForEach(i => results[i] = true);
            for (var k = 0; k < sends.Count; k++)
            {
                results[sends[k]] = applied[k];
            }
            return results;
        }
        catch
        {
            _head = ChainHead.New();
            throw;
        }
    }

    /// <summary>A send's new hash, if the step-up is pending with sends left and time; a row back when it applied.</summary>
    private static string ReplacementSql(IssuerDbContext db, DbCommand command, OtpReplacement r)
    {
        ModelSql.AddParameter<TokenVerification>(db, command, "@i", nameof(TokenVerification.Id), r.Id);
        ModelSql.AddParameter<TokenVerification>(db, command, "@h", nameof(TokenVerification.OtpHash), r.OtpHash);
        ModelSql.AddParameter<TokenVerification>(db, command, "@t", nameof(TokenVerification.UpdatedAt), r.At);
        ModelSql.AddParameter<TokenVerification>(db, command, "@p", nameof(TokenVerification.Status), Pending);
        return """
            UPDATE "TokenVerifications" SET "OtpHash" = @h, "OtpSends" = "OtpSends" + 1, "UpdatedAt" = @t
            WHERE "Id" = @i AND "Status" = @p AND "ExpiresAt" > @t AND "OtpSends" < "OtpMaxSends"
            RETURNING 1
            """;
    }

    /// <summary>Read by every step-up call before its change: batched like the bound-device reads, one query a batch.</summary>
    public Task<TokenVerification?> FindAsync(Guid id, CancellationToken ct) => _reads.SubmitAsync(id);

    private async Task<IReadOnlyList<TokenVerification?>> FindAllAsync(IReadOnlyList<Guid> ids)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var found = await db.TokenVerifications.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id);
        return [.. ids.Select(found.GetValueOrDefault)];
    }

    /// <summary>Read by every device binding before its decision: batched like the ATC reads, one command a batch.</summary>
    public Task<bool> IsBoundAsync(string tokenReference, string subject, CancellationToken ct) =>
        _boundReads.SubmitAsync((tokenReference, subject));

    private Task<IReadOnlyList<bool>> AreBoundAsync(IReadOnlyList<(string TokenReference, string Subject)> keys) =>
        _contexts.SelectEachAsync(keys, (command, key) =>
        {
            command.AddParameter("@r", key.TokenReference);
            command.AddParameter("@s", key.Subject);
            return """SELECT 1 FROM "TokenBindings" WHERE "TokenReference" = @r AND "Subject" = @s""";
        }, row => row is not null);

    public async Task<IReadOnlyList<TokenBinding>> BindingsAsync(string tokenReference, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.TokenBindings.AsNoTracking().Where(b => b.TokenReference == tokenReference).OrderBy(b => b.BoundAt).ToListAsync(ct);
    }

    public async Task<int?> TryCountFailureAsync(Guid id, byte[] otpHash, DateTime at, TokenCallback? failedCallback, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The SET expressions read the row as it was before this update.
        var counted = await db.TokenVerifications
            .Where(v => v.Id == id && v.Status == Pending && v.ExpiresAt > at && v.OtpHash == otpHash && v.OtpFailures < v.OtpMaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.OtpFailures, v => v.OtpFailures + 1)
                .SetProperty(v => v.Status, v => v.OtpFailures + 1 >= v.OtpMaxAttempts ? TokenVerificationStatus.Failed : Pending)
                .SetProperty(v => v.OtpHash, v => v.OtpFailures + 1 >= v.OtpMaxAttempts ? null : v.OtpHash)
                .SetProperty(v => v.UpdatedAt, at), ct);
        if (counted == 0)
        {
            return null;
        }
        // The row stays locked by this transaction's update: what it reads is this update's result.
        var after = await db.TokenVerifications.Where(v => v.Id == id).Select(v => new { v.Status, v.OtpFailures }).SingleAsync(ct);
        if (after.Status == TokenVerificationStatus.Failed)
        {
            await EndAsync(db, id, null, failedCallback, ct);
        }
        await transaction.CommitAsync(ct);
        return after.OtpFailures;
    }

    public async Task<bool> TryFinishAsync(TokenFinish finish, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = db.TokenVerifications.Where(v => v.Id == finish.VerificationId && v.Status == Pending);
        pending = finish.Status == TokenVerificationStatus.Expired
            ? pending.Where(v => v.ExpiresAt <= finish.At)
            : pending.Where(v => v.ExpiresAt > finish.At);
        if (finish.ExpectedOtpHash is { } hash)
        {
            pending = pending.Where(v => v.OtpHash == hash);
        }
        var changed = await pending.ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, finish.Status)
            .SetProperty(v => v.OtpHash, (byte[]?)null).SetProperty(v => v.UpdatedAt, finish.At), ct);
        if (changed == 0)
        {
            return false;
        }
        await EndAsync(db, finish.VerificationId, finish.Binding, finish.Callback, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<TokenVerification>> DueForExpiryAsync(DateTime now, int max, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.TokenVerifications.AsNoTracking().Where(v => v.Status == Pending && v.ExpiresAt <= now)
            .OrderBy(v => v.ExpiresAt).Take(max).ToListAsync(ct);
    }

    /// <summary>What goes with a final status: the binding, the callback, and the purge of the step-up's outbox codes.</summary>
    private static async Task EndAsync(IssuerDbContext db, Guid id, TokenBinding? binding, TokenCallback? callback, CancellationToken ct)
    {
        await BindAsync(db, binding, ct);
        if (callback is not null)
        {
            db.TokenCallbacks.Add(callback);
            await db.SaveChangesAsync(ct);
        }
        var reference = id.ToString();
        await db.Outbox.Where(m => m.Reference == reference).ExecuteDeleteAsync(ct);
    }

    /// <summary>Binding a token to a subject it is bound to already keeps the first binding.</summary>
    private static async Task BindAsync(IssuerDbContext db, TokenBinding? binding, CancellationToken ct)
    {
        if (binding is null)
        {
            return;
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder();
        ModelSql.AppendInsert(db, command, sql, "b", [binding], " ON CONFLICT DO NOTHING");
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _reads.DisposeAsync();
        await _boundReads.DisposeAsync();
    }
}
