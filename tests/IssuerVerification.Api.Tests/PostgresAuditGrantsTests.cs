using IssuerVerification.Api.Tests.Infrastructure;
using Npgsql;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The grants of docs/audit.md (deploy/postgres/service-grants.sql), applied as written: the service runs as its own user,
/// which cannot change or delete audit records. PostgreSQL only (SQLite has no users): it runs whenever IV_TEST_POSTGRES is set.
/// </summary>
public sealed class PostgresAuditGrantsTests
{
    [Fact]
    public async Task The_service_user_can_insert_audit_records_but_not_change_or_delete_them()
    {
        if (TestStores.PostgresConnectionString is not { } superuser)
        {
            return;
        }
        await TestStores.ExecuteAsync(superuser, """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'issuer_owner') THEN CREATE ROLE issuer_owner LOGIN PASSWORD 'owner'; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'issuer_service') THEN CREATE ROLE issuer_service LOGIN PASSWORD 'service'; END IF;
            END $$
            """);
        var (provider, connectionString, drop) = await TestStores.CreateAsync(TestStores.Postgres);
        try
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await TestStores.ExecuteAsync(superuser, $"ALTER DATABASE {database} OWNER TO issuer_owner");
            var owner = As(connectionString, "issuer_owner", "owner");
            var service = As(connectionString, "issuer_service", "service");
            await using (await TestApi.StartAsync(TestStores.Postgres, Settings(provider, owner)))
            {
                // the owner migrates
            }
            await TestStores.ExecuteAsync(owner, await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "postgres", "service-grants.sql")));

            await using var api = await TestApi.StartAsync(TestStores.Postgres, Settings(provider, service));
            await api.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = null });
            var pan = TestPans.Random("444433");
            await api.RegisterCardAsync(pan);
            var value = (await (await api.Client().PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).GetProperty("value").GetString()!;
            Assert.Equal(Setup.Match, await api.Client().VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value }));
            var integrity = await (await api.Client().GetAsync("/v1/admin/audit/integrity")).ReadJsonAsync();
            Assert.True(integrity.GetProperty("intact").GetBoolean());
            Assert.True(integrity.GetProperty("records").GetInt64() >= 5);

            // Retention makes next months' partitions as the owner; no partition can be changed directly, and no recent month dropped.
            await TestStores.ExecuteAsync(service, "SELECT iv_audit_prepare(now() + interval '6 months', 0)");
            var month = $"\"AuditLog_{DateTime.UtcNow.AddMonths(6):yyyyMM}\"";
            var expire = await Assert.ThrowsAsync<PostgresException>(() => TestStores.ExecuteAsync(service, "SELECT iv_audit_expire(now())"));
            Assert.Contains("365 days", expire.MessageText, StringComparison.Ordinal);
            foreach (var tamper in new[] { "UPDATE \"AuditLog\" SET \"Outcome\" = 'match'", "DELETE FROM \"AuditLog\"", "TRUNCATE \"AuditLog\"",
                "DELETE FROM \"AuditLog_default\"", $"DELETE FROM \"AuditLog_{DateTime.UtcNow:yyyyMM}\"", $"DROP TABLE {month}", $"DELETE FROM {month}" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => TestStores.ExecuteAsync(service, tamper));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
            await TestStores.ExecuteAsync(owner, "UPDATE \"AuditLog\" SET \"Outcome\" = \"Outcome\""); // the owner still can: the grants are what refuses
        }
        finally
        {
            await drop();
        }
    }

    private static string As(string connectionString, string user, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = user, Password = password }.ConnectionString;

    private static Dictionary<string, string?> Settings(string provider, string connectionString) =>
        new() { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString };
}
