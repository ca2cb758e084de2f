using System.Security.Cryptography;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>The authentication history: queries, one record with its trace, the integrity check of its chains, and the retention purge.</summary>
public sealed class ThreeDsHistory(IThreeDsHistoryStore store, IAuditMac mac)
{
    public const int MaxPageSize = 200;

    public Task<HistoryPage> QueryAsync(HistoryQuery query, CancellationToken ct) => store.QueryAsync(query, ct);

    public async Task<ThreeDsHistoryRecord> FindAsync(Guid acsTransId, CancellationToken ct) =>
        await store.FindAsync(acsTransId, ct) ?? throw new NotFoundException($"No history record for acsTransID {acsTransId}.");

    /// <summary>
    /// Recomputes every chain from its checkpoint (or its start): a record breaks its chain when its link does not verify
    /// (it was changed) or its number is not the next one (a record before it is missing). Each record is checked against
    /// the stored link before it, so a changed record is named itself, not only the ones after it.
    /// </summary>
    public async Task<HistoryIntegrity> CheckAsync(CancellationToken ct)
    {
        var checkpoints = (await store.CheckpointsAsync(ct)).ToDictionary(c => c.Chain, StringComparer.Ordinal);
        var chain = new HistoryChain(mac);
        string? current = null;
        var previous = AuditChain.Start();
        long next = 0, records = 0;
        (long Id, Guid AcsTransId)? firstBroken = null;
        await foreach (var record in store.InChainOrderAsync(ct))
        {
            if (record.Chain != current)
            {
                current = record.Chain;
                var checkpoint = checkpoints.GetValueOrDefault(current);
                (previous, next) = checkpoint is null ? (AuditChain.Start(), 0L) : (checkpoint.Link, checkpoint.NextSeq);
            }
            records++;
            var intact = record.Seq == next && CryptographicOperations.FixedTimeEquals(chain.Link(previous, record), record.Link);
            if (!intact && (firstBroken is null || record.Id < firstBroken.Value.Id))
            {
                firstBroken = (record.Id, record.AcsTransId);
            }
            previous = record.Link;
            next = record.Seq + 1;
        }
        return new HistoryIntegrity(records, firstBroken?.AcsTransId);
    }

    public Task<int> PurgeBeforeAsync(DateTime cutoff, int batchSize, CancellationToken ct) => store.PurgeBeforeAsync(cutoff, batchSize, ct);
}
