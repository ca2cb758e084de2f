using System.Security.Cryptography;

namespace IssuerVerification.Domain.Audit;

/// <summary>Lists audit records and verifies their chains (docs/audit.md).</summary>
public sealed class AuditTrail(IAuditStore store, IAuditMac mac)
{
    /// <summary>The chain of the records written before records were chained (by the migration that added the chain).</summary>
    public const string Unchained = "unchained";

    public Task<IReadOnlyList<AuditEntry>> FindAsync(AuditQuery query, CancellationToken ct) => store.FindAsync(query, ct);

    /// <summary>
    /// Recomputes every chain from its first record: each must be numbered 0, 1, 2… without a gap and carry the seal its
    /// fields, its number and the records before it give. A chain may end anywhere (its writer stopped, or started a new
    /// chain after a failed write). Stops at the first broken record.
    /// </summary>
    public async Task<AuditIntegrity> VerifyAsync(CancellationToken ct)
    {
        var chain = new AuditChain(mac);
        var (chains, records, unchained, expected) = (0, 0L, 0L, 0L);
        string? current = null;
        var link = AuditChain.Start();
        await foreach (var record in store.InChainOrderAsync(ct))
        {
            if (record.Chain == Unchained)
            {
                unchained++;
                continue;
            }
            if (record.Chain != current)
            {
                (current, link, expected) = (record.Chain, AuditChain.Start(), 0);
                chains++;
            }
            if (record.Seq != expected)
            {
                return new AuditIntegrity(false, chains, records, unchained, new AuditBreak(record.Id, record.Chain, record.Seq,
                    $"Record {expected} of the chain is missing or out of place: the next record is number {record.Seq}."));
            }
            link = chain.Link(link, record);
            if (!CryptographicOperations.FixedTimeEquals(chain.Seal(link, record.Outcome, record.Reason), record.Mac))
            {
                return new AuditIntegrity(false, chains, records, unchained, new AuditBreak(record.Id, record.Chain, record.Seq,
                    "The record was changed, moved or not written by this service: its seal does not verify."));
            }
            (records, expected) = (records + 1, expected + 1);
        }
        return new AuditIntegrity(true, chains, records, unchained, null);
    }
}
