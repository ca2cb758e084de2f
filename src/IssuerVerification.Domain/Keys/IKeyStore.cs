namespace IssuerVerification.Domain.Keys;

public interface IKeyStore
{
    Task<StoredKey?> FindAsync(string alias, CancellationToken ct);
    Task<IReadOnlyList<StoredKey>> ListAsync(CancellationToken ct);
    /// <summary>Adds a key; a duplicate alias throws <see cref="Common.ConflictException"/>.</summary>
    Task AddAsync(StoredKey key, CancellationToken ct);
    /// <summary>Writes a re-wrapped key: its wrapped material and version, never its status (a concurrent retirement stands).</summary>
    Task UpdateAsync(StoredKey key, CancellationToken ct);
    Task SetStatusAsync(string alias, KeyStatus status, CancellationToken ct);
}
