namespace IssuerVerification.Domain.Audit;

/// <summary>Reads the audit records (they are written by <see cref="IAuditLog"/> only).</summary>
public interface IAuditStore
{
    /// <summary>The records the query selects, newest (highest id) first.</summary>
    Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken ct);

    /// <summary>Every record, chain by chain, each chain in its order (by number).</summary>
    IAsyncEnumerable<AuditEntry> InChainOrderAsync(CancellationToken ct);

    /// <summary>The checkpoint of every chain whose oldest records expired, by chain.</summary>
    Task<IReadOnlyDictionary<string, AuditCheckpoint>> CheckpointsAsync(CancellationToken ct);
}
