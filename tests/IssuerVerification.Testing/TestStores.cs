using Npgsql;
using Xunit;

namespace IssuerVerification.Testing;

/// <summary>
/// The stores the store and API tests run on: SQLite always, PostgreSQL whenever IV_TEST_POSTGRES holds a connection string.
/// With it set, a PostgreSQL test that cannot connect fails; it is never skipped.
/// </summary>
public static class TestStores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("IV_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresConnectionString is not null)
            {
                data.Add(Postgres);
            }
            return data;
        }
    }

    /// <summary>A fresh, empty database; <c>Provider</c> names it as the Storage:Provider setting does ("Sqlite" or "Postgres").</summary>
    public static async Task<(string Provider, string ConnectionString, Func<Task> Drop)> CreateAsync(string store)
    {
        var name = "iv_test_" + Guid.NewGuid().ToString("N")[..12];
        if (store == Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            return ("Sqlite", $"Data Source={path}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(path);
                return Task.CompletedTask;
            }
            );
        }
        var admin = PostgresConnectionString ?? throw new InvalidOperationException("IV_TEST_POSTGRES is not set.");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return ("Postgres", builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        );
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
