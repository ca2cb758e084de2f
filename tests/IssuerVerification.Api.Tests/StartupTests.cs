using IssuerVerification.Api.Startup;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The settings the service refuses to start with, each with its exit code. That the built process exits with them, one
/// log line and no stack trace is checked on the process itself (FaultTests: StartupFailureTests).
/// </summary>
public sealed class StartupTests
{
    private static readonly HostingEnvironment Production = new() { EnvironmentName = "Production" };

    private static IConfiguration Settings(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Outside_development_the_service_refuses_to_start_without_a_master_key()
    {
        var failure = Assert.Throws<StartupFailure>(() => MasterKeySettings.Current(Settings(), Production));
        Assert.Equal(ExitCodes.MasterKeyMissing, failure.ExitCode);
        Assert.Contains("Crypto:MasterKey is not set", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00112233")]
    [InlineData("Z01112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEF")]
    public void A_master_key_that_is_not_32_bytes_of_hex_is_refused(string key)
    {
        var failure = Assert.Throws<StartupFailure>(() => MasterKeySettings.Current(Settings(("Crypto:MasterKey", key)), Production));
        Assert.Equal(ExitCodes.MasterKeyMalformed, failure.ExitCode);
        Assert.Contains("64 hex characters", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_master_key_read_from_a_file_may_end_with_a_newline() =>
        Assert.Equal(32, MasterKeySettings.Current(Settings(("Crypto:MasterKey", TestApi.MasterKey + "\n")), Production).Length);

    [Fact]
    public void Outside_development_a_short_admin_key_and_demo_seed_are_refused()
    {
        var shortKey = Assert.ThrowsAny<InvalidOperationException>(() => BootstrapSettings.Validate(Settings(("Bootstrap:AdminApiKey", "short-admin-key")), Production));
        Assert.Contains("Bootstrap:AdminApiKey is shorter than 32 characters", shortKey.Message, StringComparison.Ordinal);
        var seed = Assert.ThrowsAny<InvalidOperationException>(() => BootstrapSettings.Validate(Settings(("Demo:Seed", "true")), Production));
        Assert.Contains("Demo:Seed is true outside Development", seed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_postgres_the_password_may_come_from_its_own_setting()
    {
        var (_, connectionString) = StorageSettings.Read(Settings(("Storage:Provider", "Postgres"),
            ("ConnectionStrings:IssuerVerification", "Host=db;Port=5432;Database=issuer;Username=issuer"), ("Storage:Password", "from-a-file\n")), Production);
        Assert.Equal("from-a-file", new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Password);
        Assert.Equal("db", new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host);
    }

    [Fact]
    public void The_exit_codes_are_distinct()
    {
        int[] codes = [ExitCodes.InvalidConfiguration, ExitCodes.MasterKeyMissing, ExitCodes.MasterKeyMalformed, ExitCodes.MasterKeyMismatch,
            ExitCodes.DatabaseUnreachable, ExitCodes.DatabaseLoginRefused, ExitCodes.DatabaseMissing, ExitCodes.MigrationPermissionDenied, ExitCodes.KeysNotInToken];
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.DoesNotContain(0, codes);
    }
}
