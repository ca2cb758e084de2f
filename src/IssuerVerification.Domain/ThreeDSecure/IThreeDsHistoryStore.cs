namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>Reads and purges the authentication history (records are written only with their authentication, by <see cref="IThreeDsStore"/>).</summary>
public interface IThreeDsHistoryStore
{
    /// <summary>The page of records the query selects, newest first, and how many it selects in all.</summary>
    Task<HistoryPage> QueryAsync(HistoryQuery query, CancellationToken ct);

    Task<ThreeDsHistoryRecord?> FindAsync(Guid acsTransId, CancellationToken ct);

    /// <summary>Where each purged chain now starts.</summary>
    Task<IReadOnlyList<HistoryCheckpoint>> CheckpointsAsync(CancellationToken ct);

    /// <summary>Every record, chain by chain, each chain in its order.</summary>
    IAsyncEnumerable<ThreeDsHistoryRecord> InChainOrderAsync(CancellationToken ct);

    /// <summary>
    /// Deletes records completed before <paramref name="cutoff"/>, at most <paramref name="batchSize"/> per transaction, only
    /// from the start of each chain, recording in the same transaction where each chain now starts (its checkpoint).
    /// Returns how many were deleted.
    /// </summary>
    Task<int> PurgeBeforeAsync(DateTime cutoff, int batchSize, CancellationToken ct);
}

/// <summary>History filters; <see cref="From"/> inclusive and <see cref="To"/> exclusive, on the creation time.</summary>
public sealed record HistoryQuery(DateTime? From, DateTime? To, string? Bin, string? Last4, string? TransStatus, int Page, int PageSize);

public sealed record HistoryPage(IReadOnlyList<ThreeDsHistoryRecord> Items, int Page, int PageSize, long Total);

/// <summary>How many records were checked, and the first (lowest id) that breaks its chain, if any.</summary>
public sealed record HistoryIntegrity(long Records, Guid? FirstBroken);
