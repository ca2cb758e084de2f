using IssuerVerification.Domain.Retention;

namespace IssuerVerification.Domain.Audit;

/// <summary>
/// Removes audit records older than the retention (at least a year). First it verifies what expires, chain by chain from
/// each chain's checkpoint, and keeps the last removed link of each chain as its new checkpoint, so the integrity check
/// still passes afterwards. A chain that does not verify holds everything back: evidence of tampering is never removed.
/// </summary>
public sealed class AuditRetention(IAuditExpiry expiry, IAuditStore store, IAuditMac mac, RetentionSettings settings) : IRetentionTask
{
    public string Name => "AuditLog";

    public async Task<long> PurgeAsync(DateTime now, CancellationToken ct)
    {
        if (settings.Audit < RetentionSettings.MinimumAudit)
        {
            throw new RetentionHeldException($"Audit retention {settings.Audit} is shorter than PCI DSS allows ({RetentionSettings.MinimumAudit.TotalDays} days): nothing is removed.");
        }
        await expiry.PrepareAsync(now, ct);
        var keepFrom = expiry.KeepFrom(now - settings.Audit);
        var walk = new AuditChainWalk(mac, await store.CheckpointsAsync(ct));
        var checkpoints = new Dictionary<string, AuditCheckpoint>();
        var expired = 0L;
        await foreach (var record in expiry.ExpiringAsync(keepFrom, ct))
        {
            expired++;
            if (record.Chain == AuditTrail.Unchained)
            {
                continue;
            }
            if (walk.Step(record) is { } problem)
            {
                throw new RetentionHeldException($"Audit record {record.Id} (chain {record.Chain}, number {record.Seq}) does not verify: {problem} No audit record is removed until this is resolved.");
            }
            checkpoints[record.Chain] = walk.Head;
        }
        if (expired > 0)
        {
            await expiry.RemoveAsync(keepFrom, checkpoints.Values, settings.BatchSize, ct);
        }
        return expired;
    }
}
