using IssuerVerification.Domain.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfTokenCallbackStore(IDbContextFactory<IssuerDbContext> contexts) : ITokenCallbackStore
{
    public async Task<IReadOnlyList<TokenCallback>> DueAsync(DateTime now, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenCallbacks.AsNoTracking().Where(c => c.DeliveredAt == null && c.NextAttemptAt <= now)
            .OrderBy(c => c.NextAttemptAt).Take(max).ToListAsync(ct);
    }

    public async Task<bool> TryClaimAsync(TokenCallback callback, DateTime leaseUntil, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TokenCallbacks
            .Where(c => c.Id == callback.Id && c.DeliveredAt == null && c.NextAttemptAt == callback.NextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextAttemptAt, leaseUntil), ct) == 1;
    }

    public async Task DeliveredAsync(Guid id, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.TokenCallbacks.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DeliveredAt, at).SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
    }

    public async Task RetryAsync(Guid id, int attempts, DateTime nextAttemptAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.TokenCallbacks.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, attempts).SetProperty(c => c.NextAttemptAt, nextAttemptAt), ct);
    }
}
