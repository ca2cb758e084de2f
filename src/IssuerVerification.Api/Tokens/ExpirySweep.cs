using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <summary>
/// Makes step-ups past their time <c>expired</c> for good, so that their callbacks go out. Readers see them expired before
/// (TokenVerification.StatusAt). Every replica sweeps; the conditional update lets one win each verification.
/// </summary>
internal sealed class ExpirySweep(TokenVerificationService tokens, IConfiguration configuration, ILogger<ExpirySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue("TokenVerification:SweepSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                await tokens.ExpireDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Token verification expiry sweep failed with {ExceptionType}", e.GetType().FullName);
            }
        }
    }
}
