using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Every change is one conditional UPDATE on the verification row (pending, with the expected OTP hash, attempts or sends
/// left, time not over), with the rows that go with it in the same transaction: so two replicas never both finish one
/// verification, and a count never passes its maximum.
/// </summary>
internal sealed class EfTokenVerificationStore(IDbContextFactory<IssuerDbContext> contexts) : ITokenVerificationStore
{
    private const TokenVerificationStatus Pending = TokenVerificationStatus.PendingIdv;

    public async Task AddAsync(TokenVerification verification, TokenBinding? binding, TokenCallback? callback, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.TokenVerifications.Add(verification);
        if (callback is not null)
        {
            db.TokenCallbacks.Add(callback);
        }
        await db.SaveChangesAsync(ct);
        await BindAsync(db, binding, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<TokenVerification?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenVerifications.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
    }

    public async Task<bool> IsBoundAsync(string tokenReference, string subject, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenBindings.AnyAsync(b => b.TokenReference == tokenReference && b.Subject == subject, ct);
    }

    public async Task<IReadOnlyList<TokenBinding>> BindingsAsync(string tokenReference, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenBindings.AsNoTracking().Where(b => b.TokenReference == tokenReference).OrderBy(b => b.BoundAt).ToListAsync(ct);
    }

    public async Task<bool> TryReplaceOtpAsync(Guid id, byte[] otpHash, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenVerifications
            .Where(v => v.Id == id && v.Status == Pending && v.ExpiresAt > at && v.OtpSends < v.OtpMaxSends)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.OtpHash, otpHash).SetProperty(v => v.OtpSends, v => v.OtpSends + 1)
                .SetProperty(v => v.UpdatedAt, at), ct) == 1;
    }

    public async Task<int?> TryCountFailureAsync(Guid id, byte[] otpHash, DateTime at, TokenCallback? failedCallback, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
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
        await using var db = await contexts.CreateDbContextAsync(ct);
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
        await using var db = await contexts.CreateDbContextAsync(ct);
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
    private static async Task BindAsync(IssuerDbContext db, TokenBinding? b, CancellationToken ct)
    {
        if (b is null)
        {
            return;
        }
        // EF keeps a Guid as text in SQLite; a raw parameter would be a blob.
        object verificationId = db.Database.IsNpgsql() ? b.VerificationId : b.VerificationId.ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "TokenBindings" ("TokenReference", "Subject", "DeviceId", "PasskeyCredentialId", "BoundAt", "VerificationId")
            VALUES ({b.TokenReference}, {b.Subject}, {b.DeviceId}, {b.PasskeyCredentialId}, {b.BoundAt}, {verificationId})
            ON CONFLICT DO NOTHING
            """, ct);
    }
}
