namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// Authentications, their issued values and their history. An authentication that is (or becomes) final gets its history
/// record in the same transaction as its change, so every outcome has exactly one record.
/// </summary>
public interface IThreeDsStore
{
    /// <summary>Adds an authentication (and its issued value); false when its threeDSServerTransID exists already.</summary>
    Task<bool> TryAddAsync(ThreeDsAuthentication authentication, IssuedValue? value, CancellationToken ct);

    Task<ThreeDsAuthentication?> FindAsync(Guid acsTransId, CancellationToken ct);

    Task<ThreeDsAuthentication?> FindByServerTransIdAsync(string threeDsServerTransId, CancellationToken ct);

    /// <summary>
    /// Writes the changed authentication if it is still at <paramref name="readVersion"/> (its Version is then one more);
    /// false when another change came first. A final one also purges its challenge codes from the outbox.
    /// </summary>
    Task<bool> TryUpdateAsync(ThreeDsAuthentication authentication, int readVersion, IssuedValue? value, CancellationToken ct);

    /// <summary>Challenges still pending after their time.</summary>
    Task<IReadOnlyList<ThreeDsAuthentication>> DueForTimeoutAsync(DateTime now, int max, CancellationToken ct);

    /// <summary>
    /// Marks an issuance of the value used: <see cref="ValueUse.Used"/> once per authentication that issued it (two may
    /// issue the same value), <see cref="ValueUse.AlreadyUsed"/> after that.
    /// </summary>
    Task<ValueUse> UseValueAsync(byte[] valueHash, DateTime at, CancellationToken ct);
}

/// <summary>An authentication value this ACS issued, kept only as a keyed hash of the card's fingerprint and the value.</summary>
public sealed class IssuedValue
{
    public required byte[] ValueHash { get; init; }
    public Guid AcsTransId { get; init; }
    public DateTime IssuedAt { get; init; }
    public DateTime? UsedAt { get; set; }
}

public enum ValueUse { Used, AlreadyUsed, Unknown }
