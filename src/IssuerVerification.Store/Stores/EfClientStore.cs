using IssuerVerification.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfClientStore(IDbContextFactory<IssuerDbContext> contexts) : IClientStore
{
    public async Task<ApiClient?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == keyHash, ct);
    }

    public async Task<ApiClient?> FindByNameAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name, ct);
    }

    public Task AddAsync(ApiClient client, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, client, $"A client named '{client.Name}' exists.", ct);

    public async Task UpdateAsync(ApiClient client, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Update(client);
        await db.SaveChangesAsync(ct);
    }
}
