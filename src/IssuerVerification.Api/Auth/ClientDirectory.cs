using System.Collections.Concurrent;
using System.Security.Cryptography;
using IssuerVerification.Domain.Clients;

namespace IssuerVerification.Api.Auth;

/// <summary>
/// Finds the client of an API key. Lookups are cached for <see cref="CacheLifetime"/> so a verification
/// does not pay a store round trip for authentication; a revoked key stops working within that time.
/// </summary>
public sealed class ClientDirectory(IClientStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ApiClient? Client, DateTimeOffset At)> _cache = new();

    public async Task<ApiClient?> AuthenticateAsync(string apiKey, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(apiKey);
        var cacheKey = Convert.ToBase64String(hash);
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(cacheKey, out var entry) || now - entry.At > CacheLifetime)
        {
            entry = (await store.FindByKeyHashAsync(hash, ct), now);
            if (_cache.Count > 10_000)
            {
                _cache.Clear();
            }
            _cache[cacheKey] = entry;
        }
        var client = entry.Client;
        return client is { RevokedAt: null } && CryptographicOperations.FixedTimeEquals(client.KeyHash, hash) ? client : null;
    }

    public async Task<(ApiClient Client, string ApiKey)> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var apiKey = ApiKeys.NewKey();
        var client = new ApiClient
        {
            Id = Guid.NewGuid(),
            Name = name,
            KeyHash = ApiKeys.Hash(apiKey),
            Scopes = scopes,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await store.AddAsync(client, ct);
        return (client, apiKey);
    }

    /// <summary>Makes sure a client with this name, scope <c>admin</c> and exactly this key exists.</summary>
    public async Task EnsureAdminAsync(string name, string apiKey, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(apiKey);
        var existing = await store.FindByNameAsync(name, ct);
        if (existing is null)
        {
            await store.AddAsync(new ApiClient
            {
                Id = Guid.NewGuid(),
                Name = name,
                KeyHash = hash,
                Scopes = [Scopes.Admin],
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
        }
        else if (!existing.KeyHash.AsSpan().SequenceEqual(hash) || existing.RevokedAt is not null || !existing.Scopes.Contains(Scopes.Admin))
        {
            await store.UpdateAsync(new ApiClient
            {
                Id = existing.Id,
                Name = name,
                KeyHash = hash,
                Scopes = [Scopes.Admin],
                CreatedAt = existing.CreatedAt,
            }, ct);
        }
        _cache.Clear();
    }
}
