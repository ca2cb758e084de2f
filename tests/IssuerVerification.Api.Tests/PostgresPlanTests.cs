using IssuerVerification.Api.Tests.Infrastructure;
using Npgsql;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Plans PostgreSQL makes on a new deployment, whose tables have never been analysed. PostgreSQL only: it runs whenever
/// IV_TEST_POSTGRES is set (CI sets it).
/// </summary>
public sealed class PostgresPlanTests
{
    /// <summary>
    /// An OTP send's conditional update (the statement of EfTokenVerificationStore.ReplaceOtpsAsync, positional here for
    /// PREPARE) finds its row by primary key in a generic plan. With an index on (Status, ExpiresAt)
    /// PostgreSQL chose that index instead and scanned every pending verification: 1.25 ms an update under load, against
    /// 32 µs (bench/README.md).
    /// </summary>
    [Fact]
    public async Task A_step_up_update_takes_the_primary_key_on_a_table_never_analysed()
    {
        if (TestStores.PostgresConnectionString is null)
        {
            return;
        }
        var (provider, connectionString, drop) = await TestStores.CreateAsync(TestStores.Postgres);
        try
        {
            await using (await TestApi.StartAsync(TestStores.Postgres,
                new Dictionary<string, string?> { ["Storage:Provider"] = provider, ["ConnectionStrings:IssuerVerification"] = connectionString }))
            {
                // the API migrates
            }
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SET plan_cache_mode = force_generic_plan;
                PREPARE otp(bytea, timestamp with time zone, uuid, text) AS
                  UPDATE "TokenVerifications" SET "OtpHash" = $1, "OtpSends" = "OtpSends" + 1, "UpdatedAt" = $2
                  WHERE "Id" = $3 AND "Status" = $4 AND "ExpiresAt" > $2 AND "OtpSends" < "OtpMaxSends" RETURNING 1;
                EXPLAIN EXECUTE otp(NULL, now(), gen_random_uuid(), 'PendingIdv');
                """, connection);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                do
                {
                    while (await reader.ReadAsync())
                    {
                        plan.Add(reader.GetString(0));
                    }
                }
                while (await reader.NextResultAsync());
            }
            Assert.Contains(plan, line => line.Contains("Index Scan using \"PK_TokenVerifications\"", StringComparison.Ordinal));
        }
        finally
        {
            await drop();
        }
    }
}
