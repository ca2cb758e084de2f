namespace IssuerVerification.Domain.Audit;

/// <summary>Lists audit records and verifies their chains (docs/audit.md).</summary>
public sealed class AuditTrail(IAuditStore store, IAuditMac mac)
{
    /// <summary>The chain of the records written before records were chained (by the migration that added the chain).</summary>
    public const string Unchained = "unchained";

    public Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken ct) => store.FindAsync(query, ct);

    /// <summary>
    /// Recomputes every chain from its checkpoint (its oldest records expired) or its first record: each must be numbered
    /// on without a gap and carry the seal its fields, its number and the records before it give. A chain may end anywhere
    /// (its writer stopped, or started a new chain after a failed write). Stops at the first broken record.
    /// </summary>
    public async Task<AuditIntegrity> VerifyAsync(CancellationToken ct)
    {
        var walk = new AuditChainWalk(mac, await store.CheckpointsAsync(ct));
        var (records, unchained) = (0L, 0L);
        await foreach (var record in store.InChainOrderAsync(ct))
        {
            if (record.Chain == Unchained)
            {
                unchained++;
                continue;
            }
            if (walk.Step(record) is { } problem)
            {
                return new AuditIntegrity(false, walk.Chains, records, unchained, new AuditBreak(record.Id, record.Chain, record.Seq, problem));
            }
            records++;
        }
        return new AuditIntegrity(true, walk.Chains, records, unchained, null);
    }
}
