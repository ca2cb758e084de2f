using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>What a group commit sends for a batch: one command, one statement per item.</summary>
internal static class BatchedCommands
{
    /// <summary>Reads: one SELECT per key (each at most one row), answered in key order.</summary>
    /// <param name="select">Adds key <c>i</c>'s parameters to the command and returns its SELECT.</param>
    /// <param name="read">The answer from the key's row, or from null when it has none.</param>
    public static async Task<IReadOnlyList<TResult>> SelectEachAsync<TKey, TResult>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<TKey> keys, Func<DbCommand, TKey, int, string> select, Func<DbDataReader?, TResult> read)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            sql.Append(select(command, keys[i], i)).AppendLine(";");
        }
        command.CommandText = sql.ToString();
        var results = new TResult[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; i < keys.Count; i++)
        {
            results[i] = read(await reader.ReadAsync() ? reader : null);
            await reader.NextResultAsync();
        }
        return results;
    }

    /// <summary>
    /// Conditional changes, in one transaction: one statement per item that returns a row when it applied, run in
    /// <paramref name="order"/> (so concurrent batches, on any replica, take their row locks in one order and cannot
    /// deadlock); answers, in item order, whether each applied.
    /// </summary>
    /// <param name="statement">Adds item <c>i</c>'s parameters to the command and returns its statement.</param>
    public static async Task<IReadOnlyList<bool>> ApplyEachAsync<T>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<T> items, IComparer<T> order, Func<IssuerDbContext, DbCommand, T, int, string> statement)
    {
        var sequence = Enumerable.Range(0, items.Count).Order(Comparer<int>.Create((x, y) => order.Compare(items[x], items[y]))).ToList();
        return await contexts.InTransactionAsync(async (db, command) =>
        {
            var sql = new StringBuilder();
            foreach (var i in sequence)
            {
                sql.Append(statement(db, command, items[i], i)).AppendLine(";");
            }
            command.CommandText = sql.ToString();
            var applied = new bool[items.Count];
            await using var reader = await command.ExecuteReaderAsync();
            foreach (var i in sequence)
            {
                applied[i] = await reader.ReadAsync();
                await reader.NextResultAsync();
            }
            return applied;
        });
    }

    /// <summary>
    /// One command in its own transaction: <paramref name="run"/> writes and executes it; committed when it returns.
    /// PostgreSQL runs the statements of one command in one implicit transaction and commits it before it answers (one round
    /// trip); SQLite needs an explicit one.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this IDbContextFactory<IssuerDbContext> contexts, Func<IssuerDbContext, DbCommand, Task<T>> run)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = db.Database.IsNpgsql() ? null : await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var result = await run(db, command);
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
        return result;
    }
}
