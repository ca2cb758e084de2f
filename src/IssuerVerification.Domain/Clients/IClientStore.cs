namespace IssuerVerification.Domain.Clients;

public interface IClientStore
{
    /// <summary>The client whose current key, or previous key (whatever its expiry), has this hash.</summary>
    Task<ApiClient?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct);
    Task<ApiClient?> FindByNameAsync(string name, CancellationToken ct);
    Task<ApiClient?> FindAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken ct);
    Task AddAsync(ApiClient client, CancellationToken ct);
    Task UpdateAsync(ApiClient client, CancellationToken ct);

    /// <summary>
    /// Revokes the client at <paramref name="at"/> (a revoked client stays as it is) and returns it; null when there is none.
    /// Throws <see cref="Common.ConflictException"/> rather than revoke the last active client with scope admin:
    /// concurrent revocations are decided one after the other, so at least one admin always remains.
    /// </summary>
    Task<ApiClient?> RevokeAsync(Guid id, DateTime at, CancellationToken ct);

    /// <summary>
    /// Replaces the key of the unrevoked client <paramref name="id"/> whose current key hash is still
    /// <paramref name="currentHash"/>, keeping <paramref name="previousHash"/> until <paramref name="previousExpiresAt"/>
    /// (both null: no previous key). False when the client is revoked or its key changed meanwhile.
    /// </summary>
    Task<bool> ReplaceKeyAsync(Guid id, byte[] currentHash, byte[] newHash, byte[]? previousHash, DateTime? previousExpiresAt, CancellationToken ct);
}
