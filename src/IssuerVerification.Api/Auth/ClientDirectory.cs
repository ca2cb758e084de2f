using System.Collections.Concurrent;
using System.Security.Cryptography;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Auth;

/// <summary>
/// Finds the client of an API key. Lookups are cached for <see cref="CacheLifetime"/> so a verification
/// does not pay a store round trip for authentication. A revocation or key rotation made through this replica
/// forgets the client's entries at once; on other replicas it takes effect within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class ClientDirectory(IClientStore store, SecretHasher hasher, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    /// <summary>The longest grace period a rotated key can keep working.</summary>
    public const int MaxGraceMinutes = 1440;
    /// <summary>How many unknown keys are remembered (least recently tried evicted first).</summary>
    public const int MaxUnknownKeys = 10_000;
    private readonly ConcurrentDictionary<string, (ApiClient Client, DateTimeOffset At)> _cache = new();
    private readonly UnknownKeyCache _unknown = new(MaxUnknownKeys);
    private long _generation;

    public async Task<ApiClient?> AuthenticateAsync(string apiKey, CancellationToken ct)
    {
        var hash = await hasher.HashAsync(ApiKeys.Bytes(apiKey), ct);
        var cacheKey = Convert.ToBase64String(hash);
        var now = clock.GetUtcNow();
        if (_unknown.Contains(cacheKey, now, CacheLifetime))
        {
            return null;
        }
        if (!_cache.TryGetValue(cacheKey, out var entry) || now - entry.At > CacheLifetime)
        {
            var generation = Interlocked.Read(ref _generation);
            var found = await store.FindByKeyHashAsync(hash, ct) ?? await UpgradeLegacyAsync(apiKey, hash, ct);
            if (found is null)
            {
                _cache.TryRemove(cacheKey, out _);
                if (Interlocked.Read(ref _generation) == generation)
                {
                    _unknown.Add(cacheKey, now);
                }
                return null;
            }
            entry = (found, now);
            _cache[cacheKey] = entry;
            if (Interlocked.Read(ref _generation) != generation)
            {
                // A client was forgotten while this was read: the entry may predate its change.
                _cache.TryRemove(new KeyValuePair<string, (ApiClient, DateTimeOffset)>(cacheKey, entry));
            }
        }
        var client = entry.Client;
        return client is { RevokedAt: null } && (CryptographicOperations.FixedTimeEquals(client.KeyHash, hash) || IsPreviousKey(client, hash, now))
            ? client
            : null;
    }

    /// <summary>
    /// The client whose current or previous key hash is this key's unkeyed SHA-256 (stored before keyed hashes), with those
    /// hashes replaced by the keyed one; null when there is none or it changed meanwhile.
    /// </summary>
    private async Task<ApiClient?> UpgradeLegacyAsync(string apiKey, byte[] hash, CancellationToken ct)
    {
        var legacy = ApiKeys.LegacyHash(apiKey);
        var client = await store.FindByKeyHashAsync(legacy, ct);
        if (client is null)
        {
            return null;
        }
        var current = client.KeyHash.AsSpan().SequenceEqual(legacy) ? hash : client.KeyHash;
        var previous = client.PreviousKeyHash is { } p && p.AsSpan().SequenceEqual(legacy) ? hash : client.PreviousKeyHash;
        if (!await store.ReplaceKeyAsync(client.Id, client.KeyHash, current, previous, client.PreviousKeyExpiresAt, ct))
        {
            return null;
        }
        client.KeyHash = current;
        client.PreviousKeyHash = previous;
        return client;
    }

    public Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    /// <summary>Revokes the client (again: no change); 404 when unknown, 409 when it is the last active admin.</summary>
    public async Task<ApiClient> RevokeAsync(Guid id, string caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var client = await store.RevokeAsync(id, now, ct) ?? throw new NotFoundException($"No client with id {id}.");
        Forget(id);
        if (client.RevokedAt == now)
        {
            await audit.WriteChangedAsync(clock, caller, "client.revoke", client.Name, ct);
        }
        return client;
    }

    /// <summary>
    /// Gives the client a new key; the current one keeps working for <paramref name="graceMinutes"/> (0: stops at once),
    /// and a key kept from an earlier rotation stops at once. Returns the client, the new key and the old key's end.
    /// </summary>
    public async Task<(ApiClient Client, string ApiKey, DateTime PreviousKeyValidUntil)> RotateKeyAsync(
        Guid id, int graceMinutes, string caller, CancellationToken ct)
    {
        var client = await store.FindAsync(id, ct) ?? throw new NotFoundException($"No client with id {id}.");
        var apiKey = ApiKeys.NewKey();
        var newHash = await hasher.HashAsync(ApiKeys.Bytes(apiKey), ct);
        var until = clock.GetUtcNow().UtcDateTime.AddMinutes(graceMinutes);
        var previous = graceMinutes > 0 ? client.KeyHash : null;
        if (client.RevokedAt is not null)
        {
            throw Revoked(client);
        }
        if (!await store.ReplaceKeyAsync(id, client.KeyHash, newHash, previous, previous is null ? null : until, ct))
        {
            throw (await store.FindAsync(id, ct))?.RevokedAt is not null
                ? Revoked(client)
                : new ConflictException($"The key of client '{client.Name}' was rotated meanwhile: retry.");
        }
        Forget(id);
        await audit.WriteChangedAsync(clock, caller, "client.rotate-key", $"{client.Name} grace {graceMinutes} min", ct);
        client.KeyHash = newHash;
        client.PreviousKeyHash = previous;
        client.PreviousKeyExpiresAt = previous is null ? null : until;
        return (client, apiKey, until);
    }

    /// <summary>Until when the client's previous key still works; null when it has none that works now.</summary>
    public DateTime? PreviousKeyValidUntil(ApiClient client) =>
        client is { RevokedAt: null, PreviousKeyHash: not null, PreviousKeyExpiresAt: { } until } && until > clock.GetUtcNow().UtcDateTime ? until : null;

    private static bool IsPreviousKey(ApiClient client, byte[] hash, DateTimeOffset now) =>
        client.PreviousKeyHash is { } previous && client.PreviousKeyExpiresAt > now.UtcDateTime
        && CryptographicOperations.FixedTimeEquals(previous, hash);

    private static ConflictException Revoked(ApiClient client) =>
        new($"Client '{client.Name}' is revoked: a revoked client cannot get a key.");

    /// <summary>
    /// Drops every cached lookup that found this client, and the unknown keys (one may be its new key), so this replica
    /// sees its change at once.
    /// </summary>
    private void Forget(Guid id)
    {
        Interlocked.Increment(ref _generation);
        _unknown.Clear();
        foreach (var (key, entry) in _cache)
        {
            if (entry.Client.Id == id)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    public async Task<(ApiClient Client, string ApiKey)> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var apiKey = ApiKeys.NewKey();
        var client = new ApiClient
        {
            Id = Guid.NewGuid(),
            Name = name,
            KeyHash = await hasher.HashAsync(ApiKeys.Bytes(apiKey), ct),
            Scopes = scopes,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await store.AddAsync(client, ct);
        return (client, apiKey);
    }

    /// <summary>
    /// Creates the client with this name, key and scopes when there is none. An existing one is left as it is (revoked,
    /// rotated or re-scoped on purpose) unless <paramref name="reset"/>: then it gets this key and these scopes and is
    /// no longer revoked. Returns false when an existing client was left with another key or other scopes.
    /// </summary>
    public async Task<bool> EnsureAsync(string name, string apiKey, IReadOnlyList<string> scopes, bool reset, CancellationToken ct)
    {
        var hash = await hasher.HashAsync(ApiKeys.Bytes(apiKey), ct);
        var existing = await store.FindByNameAsync(name, ct);
        if (existing is null)
        {
            await store.AddAsync(new ApiClient
            {
                Id = Guid.NewGuid(),
                Name = name,
                KeyHash = hash,
                Scopes = scopes,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }, ct);
            _unknown.Clear(); // its key may have been tried before
            return true;
        }
        var same = (existing.KeyHash.AsSpan().SequenceEqual(hash) || existing.KeyHash.AsSpan().SequenceEqual(ApiKeys.LegacyHash(apiKey)))
            && existing.RevokedAt is null && existing.Scopes.Order().SequenceEqual(scopes.Order());
        if (same || !reset)
        {
            return same;
        }
        await store.UpdateAsync(new ApiClient
        {
            Id = existing.Id,
            Name = name,
            KeyHash = hash,
            Scopes = scopes,
            CreatedAt = existing.CreatedAt,
        }, ct);
        Forget(existing.Id);
        await audit.WriteChangedAsync(clock, "bootstrap", "client.reset", name, ct);
        return true;
    }
}
