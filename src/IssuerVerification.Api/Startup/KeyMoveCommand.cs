using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// <c>IssuerVerification.Api move-keys-to-token</c>: the one-off maintenance step of switching a deployment from the software
/// provider to PKCS#11 (docs/crypto-provider.md, "Switching"). It reads the service's own settings (storage, the master
/// key, <c>Crypto:Pkcs11:*</c> with the user PIN; <c>Crypto:Provider</c> is ignored), moves every stored key into the token
/// (<see cref="KeyMove"/>), prints what it did and exits: 0 when every key is in the token, 17 otherwise (the line says why).
/// Run it with the service stopped; running it again moves nothing twice.
/// </summary>
internal static class KeyMoveCommand
{
    public const string Argument = "move-keys-to-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddKeyPerFile(builder.Configuration["SecretsDirectory"] ?? "/run/secrets", optional: true);
        builder.Configuration["Crypto:Provider"] = CryptoSettings.Software;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            builder.Services.AddIssuerServices(builder.Configuration, builder.Environment);
            using var token = CryptoSettings.CreateToken(builder.Configuration);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<IStoreSchema>().MigrateAsync(CancellationToken.None);
            var result = await new KeyMove(app.Services.GetRequiredService<IKeyStore>())
                .RunAsync(app.Services.GetRequiredService<ICryptoProvider>(), token, CancellationToken.None);
            Console.Out.WriteLine($"Moved {result.Moved} key(s) into the token; {result.AlreadyThere} were there already. Start the service with Crypto:Provider=Pkcs11.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            return StartupFailure.Report(e);
        }
        catch (Exception e) when (e is CryptoException or CryptoUnavailableException)
        {
            return StartupFailure.Report(new StartupFailure(ExitCodes.KeysNotInToken, $"The keys were not all moved into the token: {e.Message} Keys moved before it stay moved; correct it and run the command again (it moves only what is left)."));
        }
    }
}
