using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>Keys by alias; what <see cref="KeyRing.HandleAsync"/> reads. Like a database, it hands out copies.</summary>
internal sealed class FakeKeyStore(params StoredKey[] keys) : IKeyStore
{
    private readonly List<StoredKey> _keys = [.. keys];

    public Task<StoredKey?> FindAsync(string alias, CancellationToken ct) =>
        Task.FromResult(_keys.FirstOrDefault(k => k.Alias == alias) is { } key ? Copy(key) : null);

    private static StoredKey Copy(StoredKey key) => new()
    {
        Id = key.Id,
        Alias = key.Alias,
        Usage = key.Usage,
        Algorithm = key.Algorithm,
        Wrapped = key.Wrapped,
        Kcv = key.Kcv,
        Status = key.Status,
        Version = key.Version,
        CreatedAt = key.CreatedAt,
    };

    public Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<StoredKey>>(_keys);

    public Task AddAsync(StoredKey key, CancellationToken ct)
    {
        _keys.Add(key);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(StoredKey key, CancellationToken ct) => Task.CompletedTask;

    public Task SetStatusAsync(string alias, KeyStatus status, CancellationToken ct)
    {
        _keys.Single(k => k.Alias == alias).Status = status;
        return Task.CompletedTask;
    }
}
