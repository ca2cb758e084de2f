using IssuerVerification.Api.Auth;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// Applies migrations, ensures the system keys (and re-wraps keys still in the older wrap format), brings cards stored by an earlier
/// version to the current at-rest format (<see cref="CardRegistry.UpgradeStoredCardsAsync"/>), ensures the bootstrap admin (created once; reset only with
/// <c>Bootstrap:ResetAdmin</c>), and seeds demo data when asked.
/// Runs at start-up; if the store is down then, it keeps trying in the background while /health/ready says not ready.
/// </summary>
internal sealed class StoreInitializer(
    IStoreSchema schema, ClientDirectory clients, KeyRing keys, IKeyManagement crypto, AuditChainKey auditKey, CardRegistry cards, DemoData demo,
    IStoreFaults faults, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<StoreInitializer> logger) : BackgroundService
{
    public const string BootstrapAdminName = "bootstrap-admin";
    private static readonly KeyUsage[] SystemKeys =
        [KeyUsage.PanFingerprint, KeyUsage.PanEncryption, KeyUsage.ResultSigning, KeyUsage.SecretHashing, KeyUsage.ResponseSealing, KeyUsage.AuditChain];
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary><c>Storage:StartupWaitSeconds</c> (default 60): how long a start-up waits for an unreachable database before it gives up.</summary>
    private TimeSpan StartupWait => TimeSpan.FromSeconds(configuration.GetValue("Storage:StartupWaitSeconds", 60));

    /// <summary>Readiness needs it: a replica that could not initialise (the wrong master key, say) never reports ready.</summary>
    public bool IsInitialized => _initialized.Task.IsCompleted;

    /// <summary>
    /// One attempt. A fault that retrying cannot clear (the wrong master key, a refused login, a missing database or permission),
    /// or a database still unreachable after <see cref="StartupWait"/>, throws <see cref="StartupFailure"/>; any other failure
    /// returns false (it is retried in the background).
    /// </summary>
    public async Task<bool> TryInitializeAsync(CancellationToken ct)
    {
        try
        {
            await schema.MigrateAsync(ct);
            if (CryptoSettings.UsesPkcs11(configuration))
            {
                await RequireKeysInTokenAsync(ct);
            }
            foreach (var usage in SystemKeys)
            {
                await RequireUnwrappableAsync(usage, ct);
            }
            var upgraded = await keys.UpgradeWrapFormatAsync(ct);
            if (upgraded > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Re-wrapped {Count} keys from the older wrap format into the current one (bound to alias and KCV).", upgraded);
            }
            auditKey.Use(await keys.SystemKeyAsync(KeyUsage.AuditChain, ct));
            foreach (var cardId in await cards.UpgradeStoredCardsAsync(ct))
            {
                logger.LogError("Card {CardId}: its PAN ciphertext is not its own (moved from another card, or damaged); left unbound, it is refused when read by id.", cardId);
            }
            if (configuration["Bootstrap:AdminApiKey"] is { Length: > 0 } adminKey
                && !await clients.EnsureAsync(BootstrapAdminName, adminKey, [Scopes.Admin], configuration.GetValue<bool>("Bootstrap:ResetAdmin"), ct))
            {
                logger.LogWarning("The bootstrap admin exists with another key, other scopes or revoked; it is left as it is (Bootstrap:ResetAdmin=true resets it).");
            }
            if (configuration.GetValue<bool>("Demo:Seed"))
            {
                await demo.SeedAsync(ct);
            }
            _initialized.TrySetResult();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not StartupFailure)
        {
            var (fault, detail) = faults.Diagnose(e);
            var waited = System.Diagnostics.Stopwatch.GetElapsedTime(_started);
            var failure = StartupFailure.Of(fault, detail, faults.Describe())
                ?? (fault == StoreFault.Unreachable && waited >= StartupWait ? StartupFailure.Unreachable(detail, faults.Describe(), waited) : null);
            if (failure is not null)
            {
                throw failure;
            }
            logger.LogWarning("Store initialisation failed ({Reason}); retrying in the background.", fault == StoreFault.Unreachable ? detail : e.GetType().Name);
            return false;
        }
    }

    /// <summary>A replica with the wrong master key must not start: every request needing a key would fail.</summary>
    private async Task RequireUnwrappableAsync(KeyUsage usage, CancellationToken ct)
    {
        try
        {
            crypto.CheckValue(await keys.SystemKeyAsync(usage, ct));
        }
        catch (Exception e) when (e is CryptoException or KeyIntegrityException)
        {
            throw new StartupFailure(ExitCodes.MasterKeyMismatch,
                "The stored keys cannot be unwrapped with Crypto:MasterKey (or Crypto:PreviousMasterKeys): the service will not start with the wrong master key. "
                + "Give this replica the master key the others use (docs/key-management.md; during a rotation, the old one as Crypto:PreviousMasterKeys:0).");
        }
    }

    /// <summary>
    /// With the PKCS#11 provider, every key the store references must be in the token with its KCV: a key left wrapped by
    /// the software provider, or missing from this token, stops the start with the list of such keys.
    /// </summary>
    private async Task RequireKeysInTokenAsync(CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var key in await keys.AllAsync(ct))
        {
            try
            {
                crypto.CheckValue(key);
            }
            catch (CryptoException e)
            {
                missing.Add($"'{key.Alias}' ({key.Usage}): {e.Message}");
            }
        }
        if (missing.Count > 0)
        {
            throw new StartupFailure(ExitCodes.KeysNotInToken,
                $"{missing.Count} stored key(s) are not usable in the PKCS#11 token, so the service will not start with Crypto:Provider=Pkcs11. "
                + "Move the deployment's keys into the token first (move-keys-to-token: docs/crypto-provider.md, \"Switching\"): " + string.Join("; ", missing));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!_initialized.Task.IsCompleted && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                await TryInitializeAsync(stoppingToken);
            }
        }
        catch (StartupFailure failure)
        {
            Environment.ExitCode = StartupFailure.Report(failure);
            lifetime.StopApplication();
        }
    }
}
