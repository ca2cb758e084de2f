using IssuerVerification.Api.Logging;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// A start-up the operator must fix: it ends with one log line that says what is wrong and what to do (no stack trace)
/// and the exit code of <see cref="ExitCodes"/> (docs/operations.md#start-up-failures).
/// </summary>
internal sealed class StartupFailure(int exitCode, string message) : InvalidOperationException(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The failure for a store fault found while initialising <paramref name="store"/>; null for a fault retrying may clear.</summary>
    public static StartupFailure? Of(StoreFault fault, string detail, string store) => fault switch
    {
        StoreFault.LoginRefused => new(ExitCodes.DatabaseLoginRefused,
            $"The database refused the login to {store} ({detail}). Check Username and Password in ConnectionStrings:IssuerVerification (or the secret it is read from) and the server's pg_hba.conf."),
        StoreFault.DatabaseMissing => new(ExitCodes.DatabaseMissing,
            $"The database of {store} does not exist ({detail}). Create it (README, PostgreSQL) or correct Database in ConnectionStrings:IssuerVerification."),
        StoreFault.PermissionDenied => new(ExitCodes.MigrationPermissionDenied,
            $"The user of {store} may not create or change the service's tables ({detail}). The service applies its migrations at start-up: grant the user CREATE on the schema (README, PostgreSQL), or apply the migrations as the owner role (docs/audit.md)."),
        _ => null,
    };

    public static StartupFailure Unreachable(string detail, string store, TimeSpan waited) => new(ExitCodes.DatabaseUnreachable,
        $"{store} could not be reached for {waited.TotalSeconds:0} s ({detail}). Check Host and Port in ConnectionStrings:IssuerVerification, that the server runs and that this host may connect to it (Storage:StartupWaitSeconds sets how long to wait).");

    /// <summary>Writes the one line (the console logger may not be running yet, or not flushed before the exit) and returns the exit code.</summary>
    public static int Report(Exception failure)
    {
        var (code, message) = failure is StartupFailure known ? (known.ExitCode, known.Message) : (ExitCodes.InvalidConfiguration, failure.Message);
        Console.Out.WriteLine(RedactingConsoleFormatter.Format(DateTimeOffset.UtcNow, LogLevel.Critical, "IssuerVerification.Api.Startup",
            $"{message} The service does not start (exit code {code})."));
        Console.Out.Flush();
        return code;
    }
}

/// <summary>The process's exit codes when it cannot start; each names one thing for the operator to fix.</summary>
internal static class ExitCodes
{
    /// <summary>A setting is missing or invalid (the line names it): storage provider, admin key, webhook, demo seed…</summary>
    public const int InvalidConfiguration = 2;
    public const int MasterKeyMissing = 10;
    public const int MasterKeyMalformed = 11;
    /// <summary>The stored keys do not unwrap with Crypto:MasterKey (nor any Crypto:PreviousMasterKeys).</summary>
    public const int MasterKeyMismatch = 12;
    /// <summary>The database stayed unreachable for Storage:StartupWaitSeconds.</summary>
    public const int DatabaseUnreachable = 13;
    public const int DatabaseLoginRefused = 14;
    public const int DatabaseMissing = 15;
    public const int MigrationPermissionDenied = 16;
    /// <summary>With Crypto:Provider=Pkcs11, a stored key is not in the token (or not with its KCV).</summary>
    public const int KeysNotInToken = 17;
}
