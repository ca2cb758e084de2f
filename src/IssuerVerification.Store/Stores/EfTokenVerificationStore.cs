using System.Text;
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
    private readonly GroupCommit<NewVerification, bool> _adds;
    private readonly GroupCommit<Guid, TokenVerification?> _reads;
    private readonly GroupCommit<(string TokenReference, string Subject), bool> _boundReads;
    private readonly GroupCommit<OtpReplacement, bool> _otpReplacements;

    public EfTokenVerificationStore(IDbContextFactory<IssuerDbContext> contexts)
    {
        _contexts = contexts;
        _adds = new GroupCommit<NewVerification, bool>("token_creates", AddAllAsync);
        _reads = new GroupCommit<Guid, TokenVerification?>("token_reads", FindAllAsync);
        _boundReads = new GroupCommit<(string, string), bool>("token_binding_reads", AreBoundAsync);
        _otpReplacements = new GroupCommit<OtpReplacement, bool>("token_otp_replacements", ReplaceOtpsAsync);
    }

    private sealed record NewVerification(TokenVerification Verification, TokenBinding? Binding, TokenCallback? Callback);

    private sealed record OtpReplacement(Guid Id, byte[] OtpHash, DateTime At, OutboxMessage? Message);

    private static readonly Comparer<OtpReplacement> ReplacementOrder = Comparer<OtpReplacement>.Create((x, y) => x.Id.CompareTo(y.Id));

    /// <summary>Concurrent creates are written together: one transaction a batch (group commit), one command of three INSERTs.</summary>
    public Task AddAsync(TokenVerification verification, TokenBinding? binding, TokenCallback? callback, CancellationToken ct) =>
        _adds.SubmitAsync(new NewVerification(verification, binding, callback));

    /// <summary>
    /// The bindings go in key order, so concurrent batches (on any replica) take their unique-index entries in one order and
    /// cannot deadlock; a subject bound already, or twice in the batch, keeps its first binding.
    /// </summary>
    private Task<IReadOnlyList<bool>> AddAllAsync(IReadOnlyList<NewVerification> adds) =>
        _contexts.InTransactionAsync<IReadOnlyList<bool>>(async (db, command) =>
        {
            var sql = new StringBuilder();
            ModelSql.AppendInsert(db, command, sql, "v", [.. adds.Select(a => a.Verification)]);
            ModelSql.AppendInsert(db, command, sql, "c", [.. adds.Select(a => a.Callback).OfType<TokenCallback>()]);
            ModelSql.AppendInsert(db, command, sql, "b", [.. adds.Select(a => a.Binding).OfType<TokenBinding>()
                .OrderBy(b => b.TokenReference, StringComparer.Ordinal).ThenBy(b => b.Subject, StringComparer.Ordinal)], " ON CONFLICT DO NOTHING");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
            return [.. adds.Select(_ => true)];
        });

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

    /// <summary>Every OTP send makes this change: batched like the creates, one command of conditional UPDATEs a batch.</summary>
    public Task<bool> TryReplaceOtpAsync(Guid id, byte[] otpHash, DateTime at, OutboxMessage? message, CancellationToken ct) =>
        _otpReplacements.SubmitAsync(new OtpReplacement(id, otpHash, at, message));

    /// <summary>
    /// Rows are taken in id order, so concurrent batches cannot deadlock; sends to one verification stay serialised. The
    /// outbox message, if any, is inserted by the same statement only when the update applied (SQLite, which has no
    /// data-modifying WITH: by the next statement, only when the update changed a row).
    /// </summary>
    private Task<IReadOnlyList<bool>> ReplaceOtpsAsync(IReadOnlyList<OtpReplacement> replacements) =>
        _contexts.ApplyEachAsync(replacements, ReplacementOrder, (db, command, r) =>
        {
            ModelSql.AddParameter<TokenVerification>(db, command, "@i", nameof(TokenVerification.Id), r.Id);
            ModelSql.AddParameter<TokenVerification>(db, command, "@h", nameof(TokenVerification.OtpHash), r.OtpHash);
            ModelSql.AddParameter<TokenVerification>(db, command, "@t", nameof(TokenVerification.UpdatedAt), r.At);
            ModelSql.AddParameter<TokenVerification>(db, command, "@p", nameof(TokenVerification.Status), Pending);
            const string update = """
                UPDATE "TokenVerifications" SET "OtpHash" = @h, "OtpSends" = "OtpSends" + 1, "UpdatedAt" = @t
                WHERE "Id" = @i AND "Status" = @p AND "ExpiresAt" > @t AND "OtpSends" < "OtpMaxSends"
                """;
            if (r.Message is not { } m)
            {
                return update + " RETURNING 1";
            }
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mi", nameof(OutboxMessage.Id), m.Id);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mc", nameof(OutboxMessage.Channel), m.Channel);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mt", nameof(OutboxMessage.CreatedAt), m.CreatedAt);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mp", nameof(OutboxMessage.Purpose), m.Purpose);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mr", nameof(OutboxMessage.Recipient), m.Recipient);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@mf", nameof(OutboxMessage.Reference), m.Reference);
            ModelSql.AddParameter<OutboxMessage>(db, command, "@ms", nameof(OutboxMessage.SealedCode), m.SealedCode);
            const string insert = """
                INSERT INTO "Outbox" ("Id", "Channel", "CreatedAt", "Purpose", "Recipient", "Reference", "SealedCode")
                SELECT @mi, @mc, @mt, @mp, @mr, @mf, @ms
                """;
            return db.Database.IsNpgsql()
                ? $"WITH u AS ({update} RETURNING 1) {insert} FROM u RETURNING 1"
                : $"{update}; {insert} WHERE changes() = 1 RETURNING 1";
        });

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
        await _adds.DisposeAsync();
        await _reads.DisposeAsync();
        await _boundReads.DisposeAsync();
        await _otpReplacements.DisposeAsync();
    }
}
