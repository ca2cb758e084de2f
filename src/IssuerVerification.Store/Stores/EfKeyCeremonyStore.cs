using IssuerVerification.Domain.Keys;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfKeyCeremonyStore(IDbContextFactory<IssuerDbContext> contexts) : IKeyCeremonyStore
{
    public async Task<KeyCeremony?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.KeyCeremonies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    public async Task<KeyCeremony?> FindOpenAsync(string alias, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.KeyCeremonies.AsNoTracking().FirstOrDefaultAsync(c => c.Alias == alias && c.Status == CeremonyStatus.Open, ct);
    }

    public async Task AddAsync(KeyCeremony ceremony, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.KeyCeremonies.Add(ceremony);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> TryUpdateAsync(KeyCeremony ceremony, int expectedVersion, StoredKey? key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = db.KeyCeremonies.Update(ceremony);
        entry.Property(c => c.Version).OriginalValue = expectedVersion;
        if (key is not null)
        {
            db.Keys.Add(key);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new Domain.Common.ConflictException($"A key with alias '{ceremony.Alias}' exists.");
        }
    }
}
