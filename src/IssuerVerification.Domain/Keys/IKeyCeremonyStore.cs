namespace IssuerVerification.Domain.Keys;

public interface IKeyCeremonyStore
{
    Task<KeyCeremony?> FindAsync(Guid id, CancellationToken ct);
    Task AddAsync(KeyCeremony ceremony, CancellationToken ct);
    /// <summary>The open ceremony for this alias, if any.</summary>
    Task<KeyCeremony?> FindOpenAsync(string alias, CancellationToken ct);

    /// <summary>
    /// Writes the ceremony (with its <see cref="KeyCeremony.Version"/> already incremented) if its stored version is still
    /// <paramref name="expectedVersion"/>, and in the same transaction adds <paramref name="key"/> when given. False when
    /// another change came first; a key alias that exists throws <see cref="Common.ConflictException"/> and nothing is written.
    /// </summary>
    Task<bool> TryUpdateAsync(KeyCeremony ceremony, int expectedVersion, StoredKey? key, CancellationToken ct);
}
