using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>A fresh, empty database for API processes: a SQLite file in a temp directory, or a new database in a cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(string store, string connectionString, Func<Task> drop)
    {
        Store = store;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public string Store { get; }
    public string Provider => Store == Stores.Sqlite ? "Sqlite" : "Postgres";
    public string ConnectionString { get; }

    public static TestDatabase CreateSqlite()
    {
        var dir = Directory.CreateTempSubdirectory("iv-fault-sqlite.").FullName;
        return new TestDatabase(Stores.Sqlite, $"Data Source={Path.Combine(dir, "issuer.db")}", () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> CreatePostgresAsync(PostgresCluster cluster) =>
        new(Stores.Postgres, await cluster.CreateDatabaseAsync(), () => Task.CompletedTask); // dropped with its cluster

    /// <summary>Every row of every table, each as "table: column=value|...", in ordinal order: equal dumps mean an unchanged store.</summary>
    public async Task<IReadOnlyList<string>> DumpAsync()
    {
        await using var connection = Open();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Store == Stores.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var columns = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Render(reader.GetValue(i)));
                rows.Add(table + ": " + string.Join('|', columns));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public async ValueTask DisposeAsync() => await _drop();

    private DbConnection Open() => Store == Stores.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    private static string Render(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
