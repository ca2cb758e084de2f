namespace IssuerVerification.Api.Startup;

/// <summary>
/// A sweep every replica runs every period (a setting, in seconds, 30 by default) until the service stops. The sweeps
/// change rows with conditional writes, so one replica wins each row; a failed round is logged and the next one runs.
/// </summary>
internal sealed class PeriodicSweep(string name, TimeSpan period, Func<CancellationToken, Task> sweep, ILogger<PeriodicSweep> logger) : BackgroundService
{
    public static void Add(IServiceCollection services, string name, string periodSetting, Func<IServiceProvider, CancellationToken, Task> sweep) =>
        services.AddSingleton<IHostedService>(sp => new PeriodicSweep(name,
            TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue(periodSetting, 30)),
            ct => sweep(sp, ct), sp.GetRequiredService<ILogger<PeriodicSweep>>()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stoppingToken);
                await sweep(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("The {Sweep} sweep failed with {ExceptionType}", name, e.GetType().FullName);
            }
        }
    }
}
