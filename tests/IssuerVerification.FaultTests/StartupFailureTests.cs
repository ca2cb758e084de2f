using IssuerVerification.FaultTests.Infrastructure;
using Npgsql;

namespace IssuerVerification.FaultTests;

/// <summary>
/// The built API started the way an operator gets it wrong: each start ends with one line saying what is wrong and what to
/// do, no stack trace, and its own exit code (docs/operations.md#start-up-failures); none ever reports ready.
/// </summary>
public sealed class StartupFailureTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<string> Postgres => Stores.PostgresOnly;

    private static void AssertRefused((int ExitCode, string Output) run, int exitCode, string says)
    {
        Assert.True(run.ExitCode == exitCode, $"exit code {run.ExitCode}, expected {exitCode}:\n{run.Output}");
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains(" Critical ", StringComparison.Ordinal));
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.Contains($"(exit code {exitCode})", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at \S", run.Output); // no stack frame
        Assert.DoesNotMatch(@"(?m)^\S+ (Error|Critical) ", run.Output.Replace(line, "", StringComparison.Ordinal)); // the one line says it all
    }

    private async Task<(int, string)> RunAsync(IDictionary<string, string> settings, TestDatabase? database = null) =>
        await ApiProcess.RunToExitAsync(database ?? await fixture.CreateDatabaseAsync(Stores.Sqlite), settings);

    [Fact]
    public async Task A_missing_master_key() =>
        AssertRefused(await RunAsync(new Dictionary<string, string> { ["Crypto:MasterKey"] = "" }), 10, "Crypto:MasterKey is not set");

    [Fact]
    public async Task A_master_key_that_is_not_32_bytes_of_hex() =>
        AssertRefused(await RunAsync(new Dictionary<string, string> { ["Crypto:MasterKey"] = "00112233" }), 11, "must be 64 hex characters");

    public static TheoryData<string> All => Stores.All;

    [Theory, MemberData(nameof(All))]
    public async Task A_master_key_that_cannot_unwrap_the_stored_keys(string store)
    {
        var database = await fixture.CreateDatabaseAsync(store);
        await (await ApiProcess.StartAsync(database)).DisposeAsync(); // the system keys are now wrapped under the usual master key
        var other = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        AssertRefused(await RunAsync(new Dictionary<string, string> { ["Crypto:MasterKey"] = other }, database), 12, "cannot be unwrapped with Crypto:MasterKey");
    }

    [Fact]
    public async Task A_store_whose_keys_are_not_in_the_token()
    {
        var database = await fixture.CreateDatabaseAsync(Stores.Sqlite);
        await (await ApiProcess.StartAsync(database)).DisposeAsync(); // the system keys are now wrapped by the software provider
        var token = TestTokens.Shared;
        var run = await RunAsync(new Dictionary<string, string>
        {
            ["Crypto:Provider"] = "Pkcs11",
            ["Crypto:Pkcs11:ModulePath"] = token.ModulePath,
            ["Crypto:Pkcs11:TokenLabel"] = token.Label,
            ["Crypto:Pkcs11:UserPin"] = token.Pin,
        }, database);
        AssertRefused(run, 17, "not usable in the PKCS#11 token");
        Assert.Contains("'system-panfingerprint' (PanFingerprint)", run.Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_settings_the_operator_must_fix()
    {
        AssertRefused(await RunAsync(new Dictionary<string, string> { ["Bootstrap:AdminApiKey"] = "short-admin-key" }), 2, "Bootstrap:AdminApiKey is shorter than 32 characters");
        AssertRefused(await RunAsync(new Dictionary<string, string> { ["Demo:Seed"] = "true" }), 2, "Demo:Seed is true outside Development");
    }

    [Fact]
    public async Task An_unreachable_database_after_the_start_up_wait()
    {
        var nowhere = $"Host=127.0.0.1;Port={FreePort.Next()};Username=iv;Password=never-logged;Database=issuer";
        var run = await RunAsync(new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:IssuerVerification"] = nowhere,
            ["Storage:StartupWaitSeconds"] = "0",
        });
        AssertRefused(run, 13, "PostgreSQL database 'issuer' at 127.0.0.1:");
        Assert.DoesNotContain("never-logged", run.Item2, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task A_refused_password(string store)
    {
        var (cluster, database) = await AppRoleAsync(store);
        var run = await RunAsync(Login(cluster, database, "wrong-password"), database);
        AssertRefused(run, 14, "The database refused the login");
        Assert.Contains("28P01", run.Item2, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", run.Item2, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task A_database_that_does_not_exist_and_may_not_be_created(string store)
    {
        var (cluster, database) = await AppRoleAsync(store);
        var run = await RunAsync(Login(cluster, database, "app-password", "no_such_database"), database);
        AssertRefused(run, 16, "permission denied to create database"); // the migrations create a missing database if they may
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task A_user_without_the_permission_to_migrate(string store)
    {
        var (cluster, database) = await AppRoleAsync(store);
        var run = await RunAsync(Login(cluster, database, "app-password"), database);
        AssertRefused(run, 16, "may not create or change the service's tables");
        Assert.Contains("42501", run.Item2, StringComparison.Ordinal);
    }

    /// <summary>
    /// A database owned by postgres and a login role iv_app (password app-password) that may connect to it but not create
    /// tables (PostgreSQL 15: the public schema grants CREATE to its owner only); the cluster asks every other role for its password.
    /// </summary>
    private async Task<(PostgresCluster Cluster, TestDatabase Database)> AppRoleAsync(string store)
    {
        var cluster = await fixture.ClusterAsync();
        var database = await fixture.CreateDatabaseAsync(store);
        await cluster.ExecuteAsync("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'iv_app') THEN CREATE ROLE iv_app LOGIN PASSWORD 'app-password'; END IF; END $$");
        await cluster.ExecuteAsync("REVOKE CREATE ON SCHEMA public FROM PUBLIC", Name(database));
        await cluster.RequirePasswordsAsync();
        return (cluster, database);
    }

    private static string Name(TestDatabase database) => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

    /// <summary>The settings that make the API log in as iv_app to <paramref name="database"/> (or to <paramref name="otherName"/>).</summary>
    private static Dictionary<string, string> Login(PostgresCluster cluster, TestDatabase database, string password, string? otherName = null) => new()
    {
        ["ConnectionStrings:IssuerVerification"] = $"Host=127.0.0.1;Port={cluster.Port};Username=iv_app;Password={password};Database={otherName ?? Name(database)}",
    };
}
