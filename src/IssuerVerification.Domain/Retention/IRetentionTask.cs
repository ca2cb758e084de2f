namespace IssuerVerification.Domain.Retention;

/// <summary>
/// Removes one table's records that are past their retention (docs/data-retention.md). The retention job runs every
/// registered task in turn; a new growing table joins by registering one more implementation.
/// </summary>
public interface IRetentionTask
{
    /// <summary>The table, as the <c>table</c> tag of the <c>issuer.retention.deleted</c> metric names it.</summary>
    string Name { get; }

    /// <summary>Removes what has expired at <paramref name="now"/>, in bounded batches; returns how many records went.</summary>
    Task<long> PurgeAsync(DateTime now, CancellationToken ct);
}
