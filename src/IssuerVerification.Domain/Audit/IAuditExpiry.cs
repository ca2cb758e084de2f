namespace IssuerVerification.Domain.Audit;

/// <summary>The store's side of audit retention: which records expire together, and removing them with their checkpoints.</summary>
public interface IAuditExpiry
{
    /// <summary>The first time kept when everything before <paramref name="cutoff"/> may go: the cutoff, or the start of its month where the log is partitioned by month.</summary>
    DateTime KeepFrom(DateTime cutoff);

    /// <summary>Prepares the store for the coming records (on PostgreSQL: the partitions of the coming months).</summary>
    Task PrepareAsync(DateTime now, CancellationToken ct);

    /// <summary>Every record before <paramref name="keepFrom"/>, chain by chain, each chain in its order.</summary>
    IAsyncEnumerable<AuditEntry> ExpiringAsync(DateTime keepFrom, CancellationToken ct);

    /// <summary>Saves the checkpoints, then removes every record before <paramref name="keepFrom"/>.</summary>
    Task RemoveAsync(DateTime keepFrom, IReadOnlyCollection<AuditCheckpoint> checkpoints, int batch, CancellationToken ct);
}
