using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store;

/// <summary>Hands out the configured provider's pooled context as the one context type the stores use.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> provider) : IDbContextFactory<IssuerDbContext>
    where TContext : IssuerDbContext
{
    public IssuerDbContext CreateDbContext() => provider.CreateDbContext();

    public async Task<IssuerDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await provider.CreateDbContextAsync(cancellationToken);
}
