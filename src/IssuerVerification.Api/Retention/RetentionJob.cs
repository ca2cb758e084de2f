using IssuerVerification.Domain.Retention;

namespace IssuerVerification.Api.Retention;

/// <summary>
/// Runs every table's retention (<see cref="IRetentionTask"/>) every <see cref="RetentionSettings.Interval"/>, each in
/// small batches, and counts what went in <see cref="RetentionMetrics"/>. Every replica runs it; the deletes are idempotent.
/// </summary>
public sealed class RetentionJob(
    IEnumerable<IRetentionTask> tasks, RetentionSettings settings, RetentionMetrics metrics, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    /// <summary>One run over every table; returns what each removed (a table that failed is left out and logged).</summary>
    public async Task<IReadOnlyDictionary<string, long>> RunAsync(CancellationToken ct)
    {
        var removed = new Dictionary<string, long>();
        foreach (var task in tasks)
        {
            try
            {
                removed[task.Name] = await task.PurgeAsync(clock.GetUtcNow().UtcDateTime, ct);
                metrics.Deleted(task.Name, removed[task.Name]);
            }
            catch (RetentionHeldException e)
            {
                logger.LogError("Retention of {Table} held back: {Reason}", task.Name, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Retention of {Table} failed ({ExceptionType}); retrying in {Interval}.", task.Name, e.GetType().Name, settings.Interval);
            }
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
                await RunAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
