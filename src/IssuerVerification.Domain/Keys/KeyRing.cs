using System.Collections.Concurrent;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// Creates and retires keys and hands out their handles. Keys are cached for <see cref="CacheLifetime"/>: their material
/// never changes (a re-wrap changes only its wrapping, and both wrappings stay usable while the old master key is
/// configured), but their status does: a key retired through this replica is refused here at once, elsewhere within that time.
/// </summary>
public sealed class KeyRing(IKeyStore store, IKeyManagement crypto, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (StoredKey Key, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async Task<StoredKey> CreateAsync(
        string alias, KeyUsage usage, KeyAlgorithm algorithm, IReadOnlyList<byte[]>? components, bool exportable, CancellationToken ct)
    {
        await RequireNewAliasAsync(alias, ct);
        var id = Guid.NewGuid();
        var key = ToStoredKey(components is { Count: > 0 }
            ? crypto.ImportKey(id, alias, usage, algorithm, components, exportable)
            : crypto.GenerateKey(id, alias, usage, algorithm, exportable), clock);
        await store.AddAsync(key, ct);
        return key;
    }

    public async Task RequireNewAliasAsync(string alias, CancellationToken ct)
    {
        if (await store.FindAsync(alias, ct) is not null)
        {
            throw new ConflictException($"A key with alias '{alias}' exists.");
        }
    }

    /// <summary>A new active key's record from the handle the crypto provider made.</summary>
    public static StoredKey ToStoredKey(KeyHandle handle, TimeProvider clock, bool legacyKeyBlock = false) => new()
    {
        Id = handle.Id,
        Alias = handle.Alias,
        Usage = handle.Usage,
        Algorithm = handle.Algorithm,
        Wrapped = handle.Wrapped,
        Kcv = handle.Kcv,
        Status = KeyStatus.Active,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        Exportable = handle.Exportable,
        LegacyKeyBlock = legacyKeyBlock,
    };

    /// <summary>
    /// The key with this alias; null when there is none. Each load from the store is checked with the provider (its
    /// wrapping is bound to the row's id, alias, usage, algorithm and KCV, and the KCV is recomputed from the material):
    /// a row that does not check out throws <see cref="KeyIntegrityException"/> and is never used.
    /// </summary>
    public async Task<StoredKey?> FindAsync(string alias, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(alias, out var cached) && now - cached.At <= CacheLifetime)
        {
            return cached.Key;
        }
        var key = await store.FindAsync(alias, ct);
        if (key is not null)
        {
            RequireIntact(key);
            _cache[alias] = (key, now);
        }
        return key;
    }

    private void RequireIntact(StoredKey key)
    {
        try
        {
            if (crypto.CheckValue(key.Handle) == key.Kcv)
            {
                return;
            }
        }
        catch (CryptoException e)
        {
            throw new KeyIntegrityException(key.Alias, e);
        }
        throw new KeyIntegrityException(key.Alias, new CryptoException("The KCV of the key's material is not its stored KCV."));
    }

    /// <summary>The issuer key with this alias; unknown and system keys are not found.</summary>
    public async Task<StoredKey> IssuerKeyAsync(string alias, CancellationToken ct)
    {
        var key = await store.FindAsync(alias, ct);
        return key is null || alias.StartsWith("system-", StringComparison.Ordinal) || !KeyUsages.IsIssuerKey(key.Usage)
            ? throw new NotFoundException($"No key with alias '{alias}'.")
            : key;
    }

    /// <summary>
    /// Retires an issuer key (again: no change). CardRanges.RetireKeyAsync first makes sure no card range uses it.
    /// </summary>
    public async Task<StoredKey> RetireAsync(string alias, string client, CancellationToken ct)
    {
        var key = await IssuerKeyAsync(alias, ct);
        if (key.Status != KeyStatus.Retired)
        {
            await store.SetStatusAsync(alias, KeyStatus.Retired, ct);
            key.Status = KeyStatus.Retired;
            await audit.WriteChangedAsync(clock, client, "key.retire", alias, ct);
        }
        _cache.TryRemove(alias, out _);
        return key;
    }

    /// <summary>The handle of the active key in a range's slot, or <see cref="CannotServeException"/> naming the slot.</summary>
    public async Task<KeyHandle> HandleAsync(RangeKeys range, KeySlot slot, CancellationToken ct)
    {
        var key = range[slot] is { } alias ? await FindAsync(alias, ct) : null;
        if (key is null || key.Usage != slot.Usage || key.Status != KeyStatus.Active)
        {
            throw new CannotServeException("no-key", "No key configured",
                $"The card range has no active key in its {slot} slot for this operation.");
        }
        return key.Handle;
    }

    /// <summary>A system key (PAN fingerprint, PAN encryption, result signing), generated on first use.</summary>
    public async Task<KeyHandle> SystemKeyAsync(KeyUsage usage, CancellationToken ct)
    {
        var alias = "system-" + usage.ToString().ToLowerInvariant();
        var existing = await FindAsync(alias, ct);
        if (existing is not null)
        {
            return existing.Handle;
        }
        try
        {
            return (await CreateAsync(alias, usage, KeyUsages.AlgorithmOf(usage), null, false, ct)).Handle;
        }
        catch (ConflictException)
        {
            // Another replica created it first: use theirs.
            return (await FindAsync(alias, ct))!.Handle;
        }
    }

    /// <summary>Every key the store holds, whatever its status.</summary>
    public async Task<IReadOnlyList<KeyHandle>> AllAsync(CancellationToken ct) => [.. (await store.ListAsync(ct)).Select(key => key.Handle)];

    /// <summary>Re-wraps every stored key under the current master key and wrap format; returns how many changed.</summary>
    public Task<int> RewrapAllAsync(CancellationToken ct) => RewrapAsync(key => !crypto.IsCurrent(key), ct);

    /// <summary>At start: re-wraps every key still in an older wrap format (which binds less), so the old format does not stay in use.</summary>
    public Task<int> UpgradeWrapFormatAsync(CancellationToken ct) => RewrapAsync(key => !crypto.HasCurrentFormat(key), ct);

    private async Task<int> RewrapAsync(Func<KeyHandle, bool> needed, CancellationToken ct)
    {
        var changed = 0;
        foreach (var key in await store.ListAsync(ct))
        {
            if (!needed(key.Handle))
            {
                continue;
            }
            key.Wrapped = crypto.Rewrap(key.Handle).Wrapped;
            key.Version++;
            await store.UpdateAsync(key, ct);
            changed++;
        }
        _cache.Clear();
        return changed;
    }
}
