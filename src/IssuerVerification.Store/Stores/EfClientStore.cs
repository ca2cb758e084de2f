using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfClientStore(IDbContextFactory<IssuerDbContext> contexts) : IClientStore
{
    public async Task<ApiClient?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == keyHash || c.PreviousKeyHash == keyHash, ct);
    }

    public async Task<ApiClient?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name, ct);
    }

    public async Task<ApiClient?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
    }

    public Task AddAsync(ApiClient client, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, client, $"A client named '{client.Name}' exists.", ct);

    public async Task UpdateAsync(ApiClient client, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Update(client);
        await db.SaveChangesAsync(ct);
    }

    public async Task<ApiClient?> RevokeAsync(Guid id, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite: the transaction takes the write lock. PostgreSQL: every active client's row is locked, in one order, so
        // two revocations of the last two admins run one after the other and the second sees the first.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"ApiClients\" WHERE \"RevokedAt\" IS NULL ORDER BY \"Id\" FOR UPDATE", ct);
        }
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null || client.RevokedAt is not null)
        {
            return client;
        }
        if (client.Scopes.Contains(Scopes.Admin))
        {
            var others = await db.ApiClients.AsNoTracking().Where(c => c.RevokedAt == null && c.Id != id).Select(c => c.Scopes).ToListAsync(ct);
            if (!others.Any(scopes => scopes.Contains(Scopes.Admin)))
            {
                throw new ConflictException($"'{client.Name}' is the last active client with scope admin: create another admin client first.");
            }
        }
        client.RevokedAt = at;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return client;
    }

    public async Task<bool> ReplaceKeyAsync(Guid id, byte[] currentHash, byte[] newHash, byte[]? previousHash, DateTime? previousExpiresAt, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var changed = await db.ApiClients
            .Where(c => c.Id == id && c.KeyHash == currentHash && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.KeyHash, newHash)
                .SetProperty(c => c.PreviousKeyHash, previousHash)
                .SetProperty(c => c.PreviousKeyExpiresAt, previousExpiresAt), ct);
        return changed == 1;
    }
}
