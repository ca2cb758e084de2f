using IssuerVerification.Domain.Retention;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>Removes history records older than <see cref="RetentionSettings.ThreeDs"/>, oldest first, keeping each chain's checkpoint.</summary>
public sealed class ThreeDsHistoryRetention(ThreeDsHistory history, RetentionSettings settings) : IRetentionTask
{
    public string Name => "ThreeDsHistory";

    public async Task<long> PurgeAsync(DateTime now, CancellationToken ct)
    {
        long removed = 0;
        int batch;
        do
        {
            batch = await history.PurgeBeforeAsync(now - settings.ThreeDs, settings.BatchSize, ct);
            removed += batch;
        }
        while (batch == settings.BatchSize);
        return removed;
    }
}
