using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Verification;

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
    /// Chains a batch's records in batch order: each as proposed, and for a decision with an effect also as it is written
    /// when the card turns out to be locked (same link, other seal). Returns the head after the batch.
    /// </summary>
    public ChainHead Extend(AuditChain chain, IReadOnlyList<Decision> decisions, AuditEntry[] records, AuditEntry?[] ifLocked)
    {
        var link = Link;
        var seq = Next;
        var at = At;
        for (var i = 0; i < decisions.Count; i++)
        {
            // Requests enter the batch in about, not exactly, the order of their times.
            at = Max(at, AuditChain.Stored(decisions[i].Audit.At));
            var entry = decisions[i].Audit with { At = at, Chain = Id, Seq = seq++ };
            link = chain.Link(link, entry);
            records[i] = entry with { Mac = chain.Seal(link, entry.Outcome, entry.Reason) };
            if (decisions[i].Effect != LockoutEffect.None)
            {
                var locked = Decision.AsLocked(entry);
                ifLocked[i] = locked with { Mac = chain.Seal(link, locked.Outcome, locked.Reason) };
            }
        }
        return this with { Next = seq, Link = link, At = at };
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
