using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// Records abandoned challenges: a challenge not finished 10 minutes after its ARes becomes N/14 with its history record.
/// Every replica sweeps; the conditional write lets one win each challenge.
/// </summary>
internal sealed class ChallengeTimeoutSweep(ThreeDsChallenges challenges, IConfiguration configuration, ILogger<ChallengeTimeoutSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue("ThreeDs:SweepSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                await challenges.TimeOutDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("3-D Secure challenge time-out sweep failed with {ExceptionType}", e.GetType().FullName);
            }
        }
    }
}
