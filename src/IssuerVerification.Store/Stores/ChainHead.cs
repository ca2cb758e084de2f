using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Where a writer's audit chain stands: its id, the next number and the last link. A batch's records advance it only once
/// they committed; after a batch that failed (written or not: unknown) the writer starts a new chain, so a chain never
/// links to a record that may not exist. A chain may therefore end anywhere (docs/audit.md). A chain's times never go
/// backwards (<see cref="At"/>: the last one), so the records that expire before a time are always the start of each chain.
/// </summary>
internal sealed record ChainHead(string Id, long Next, byte[] Link, DateTime At)
{
    public static ChainHead New() => new(AuditChain.NewId(), 0, AuditChain.Start(), DateTime.MinValue);

    /// <summary>
    /// Chains a batch's records in batch order: each as proposed, and when <paramref name="otherwise"/> gives one, also as it
    /// is written when the change it records does not turn out as proposed (same link, other seal: a decision whose card was
    /// locked, an OTP send refused). Returns the head after the batch.
    /// </summary>
    public ChainHead Extend(AuditChain chain, IReadOnlyList<AuditEntry> entries, Func<int, AuditEntry, AuditEntry?> otherwise,
        AuditEntry[] records, AuditEntry?[] others)
    {
        var link = Link;
        var seq = Next;
        var at = At;
        for (var i = 0; i < entries.Count; i++)
        {
            // Requests enter the batch in about, not exactly, the order of their times.
            at = Max(at, AuditChain.Stored(entries[i].At));
            var entry = entries[i] with { At = at, Chain = Id, Seq = seq++ };
            link = chain.Link(link, entry);
            records[i] = entry with { Mac = chain.Seal(link, entry.Outcome, entry.Reason) };
            if (otherwise(i, entry) is { } other)
            {
                others[i] = other with { Mac = chain.Seal(link, other.Outcome, other.Reason) };
            }
        }
        return this with { Next = seq, Link = link, At = at };
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
