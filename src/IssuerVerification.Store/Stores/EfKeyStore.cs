using IssuerVerification.Domain.Keys;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfKeyStore(IDbContextFactory<IssuerDbContext> contexts) : IKeyStore
{
    public async Task<StoredKey?> FindAsync(string alias, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Keys.AsNoTracking().SingleOrDefaultAsync(k => k.Alias == alias, ct);
    }

    public async Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Keys.AsNoTracking().OrderBy(k => k.Alias).ToListAsync(ct);
    }

    public Task AddAsync(StoredKey key, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, key, $"A key with alias '{key.Alias}' exists.", ct);

    public async Task UpdateAsync(StoredKey key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = db.Attach(key);
        entry.Property(k => k.Wrapped).IsModified = true;
        entry.Property(k => k.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    public async Task SetStatusAsync(string alias, KeyStatus status, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Keys.Where(k => k.Alias == alias).ExecuteUpdateAsync(s => s.SetProperty(k => k.Status, status), ct);
    }
}
