using IssuerVerification.Domain.Common;

namespace IssuerVerification.Api.Filters;

/// <summary>Deletes expired idempotency records every <see cref="Interval"/>, in bounded batches so no statement runs long.</summary>
public sealed class IdempotencyPurge(IIdempotencyStore store, TimeProvider clock, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public const int BatchSize = 1000;

    /// <summary>Deletes every record older than <see cref="IdempotencyFilter.Lifetime"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - IdempotencyFilter.Lifetime;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.PurgeAsync(before, BatchSize, ct);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stoppingToken);
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Purging expired idempotency records failed ({ExceptionType}); retrying in {Interval}.", e.GetType().Name, Interval);
            }
        }
    }
}
