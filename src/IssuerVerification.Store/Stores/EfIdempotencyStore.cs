using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>Idempotency records, reserved and taken over by conditional statements so that concurrent requests on any replica agree.</summary>
internal sealed class EfIdempotencyStore(IDbContextFactory<IssuerDbContext> contexts) : IIdempotencyStore
{
    public async Task<bool> TryReserveAsync(IdempotencyRecord r, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "IdempotencyRecords" ("Client", "Key", "RequestHash", "StatusCode", "SealedBody", "CreatedAt")
            VALUES ({r.Client}, {r.Key}, {r.RequestHash}, 0, {r.SealedBody}, {r.CreatedAt}) ON CONFLICT DO NOTHING
            """, ct) == 1;
    }

    public async Task<IdempotencyRecord?> FindAsync(string client, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Client == client && r.Key == key, ct);
    }

    public async Task CompleteAsync(IdempotencyRecord response, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Client == response.Client && r.Key == response.Key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.SealedBody, response.SealedBody)
            .SetProperty(r => r.Location, response.Location), ct);
    }

    public async Task ReleaseAsync(string client, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Client == client && r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(ct);
    }

    public async Task<bool> TryTakeOverAsync(string client, string key, DateTime reservedAt, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords
            .Where(r => r.Client == client && r.Key == key && r.StatusCode == 0 && r.CreatedAt == reservedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), ct) == 1;
    }

    public async Task RemoveAsync(string client, string key, DateTime createdAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Client == client && r.Key == key && r.CreatedAt == createdAt).ExecuteDeleteAsync(ct);
    }
}
