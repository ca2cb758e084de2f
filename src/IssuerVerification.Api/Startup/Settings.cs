using IssuerVerification.Store;

namespace IssuerVerification.Api.Startup;

internal static class StorageSettings
{
    /// <summary>
    /// <c>Storage:Provider</c> (Sqlite, the default, or Postgres) and <c>ConnectionStrings:IssuerVerification</c>; on PostgreSQL,
    /// <c>Storage:Password</c>, when set (from a secret file, say), is the connection's password.
    /// </summary>
    public static (StorageProvider Provider, string ConnectionString) Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Enum.Parse<StorageProvider>(configuration["Storage:Provider"] ?? nameof(StorageProvider.Sqlite), ignoreCase: true);
        var connectionString = configuration.GetConnectionString("IssuerVerification");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == StorageProvider.Postgres)
            {
                throw new InvalidOperationException("Storage:Provider is Postgres: set ConnectionStrings:IssuerVerification.");
            }
            var folder = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "issuer-verification.db")}";
        }
        if (provider == StorageProvider.Postgres && configuration["Storage:Password"] is { Length: > 0 } password)
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            builder["Password"] = password.TrimEnd('\r', '\n');
            connectionString = builder.ConnectionString;
        }
        return (provider, connectionString);
    }

    /// <summary><c>Storage:ConnectTimeoutSeconds</c> (default 3) and <c>Storage:CommandTimeoutSeconds</c> (default 5).</summary>
    public static StoreTimeouts Timeouts(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Storage:ConnectTimeoutSeconds", StoreTimeouts.Default.Connect.TotalSeconds)),
        TimeSpan.FromSeconds(configuration.GetValue("Storage:CommandTimeoutSeconds", StoreTimeouts.Default.Command.TotalSeconds)));
}

internal static class MasterKeySettings
{
    /// <summary>Published only so that Development starts with no set-up; any other environment must configure its own.</summary>
    private const string DevelopmentMasterKey = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";

    /// <summary><c>Crypto:MasterKey</c>: 32 bytes as 64 hex characters. Required outside Development.</summary>
    public static byte[] Current(IConfiguration configuration, IHostEnvironment environment)
    {
        var hex = configuration["Crypto:MasterKey"];
        if (string.IsNullOrWhiteSpace(hex))
        {
            hex = environment.IsDevelopment()
                ? DevelopmentMasterKey
                : throw new StartupFailure(ExitCodes.MasterKeyMissing,
                    "Crypto:MasterKey is not set (32 bytes as 64 hex characters); the service refuses to start without it outside Development. Set it (or Crypto__MasterKey, or a key-per-file secret: docs/operations.md) to the key every replica shares.");
        }
        return Parse(hex.Trim(), "Crypto:MasterKey");
    }

    /// <summary><c>Crypto:PreviousMasterKeys:0..n</c>: old master keys still accepted for unwrapping during a rotation.</summary>
    public static IEnumerable<byte[]> Previous(IConfiguration configuration) =>
        configuration.GetSection("Crypto:PreviousMasterKeys").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => Parse(c.Value!.Trim(), c.Path)).ToList();

    private static byte[] Parse(string hex, string name) =>
        hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(hex)
            : throw new StartupFailure(ExitCodes.MasterKeyMalformed,
                $"{name} must be 64 hex characters (32 bytes); the value set has {hex.Length} characters{(hex.All(char.IsAsciiHexDigit) ? "" : ", not all hex digits")}. Generate one with: openssl rand -hex 32.");
}

internal static class BootstrapSettings
{
    public const int MinAdminKeyLength = 32;

    /// <summary>Refuses, outside Development, a <c>Bootstrap:AdminApiKey</c> short enough to guess, and <c>Demo:Seed</c>.</summary>
    public static void Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && configuration["Bootstrap:AdminApiKey"] is { Length: > 0 and < MinAdminKeyLength })
        {
            throw new InvalidOperationException(
                $"Bootstrap:AdminApiKey is shorter than {MinAdminKeyLength} characters; the service refuses such an admin key outside Development (use e.g. 32 random bytes, base64url-encoded).");
        }
        if (!environment.IsDevelopment() && configuration.GetValue<bool>("Demo:Seed"))
        {
            throw new InvalidOperationException(
                "Demo:Seed is true outside Development; the service refuses to create the demo keys, cards and client (published keys, a known API key) there.");
        }
    }
}

internal static class SwaggerSettings
{
    /// <summary><c>Swagger:Enabled</c>: the OpenAPI document and Swagger UI are served; by default only in Development.</summary>
    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Swagger:Enabled"] is { Length: > 0 } value ? bool.Parse(value) : environment.IsDevelopment();
}
