using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// What a group commit sends for a batch. Per-item statements have one text for every item, so that PostgreSQL plans each
/// once per connection (prepared statements) rather than once per item: they go as one Npgsql batch (one round trip, one
/// implicit transaction); SQLite (in process, where round trips cost nothing) runs them one after the other in a transaction.
/// </summary>
internal static class BatchedCommands
{
    /// <summary>Reads: one SELECT per key (each at most one row), answered in key order.</summary>
    /// <param name="select">Adds the key's parameters to the command and returns its SELECT.</param>
    /// <param name="read">The answer from the key's row, or from null when it has none.</param>
    public static Task<IReadOnlyList<TResult>> SelectEachAsync<TKey, TResult>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<TKey> keys, Func<DbCommand, TKey, string> select, Func<DbDataReader?, TResult> read) =>
        contexts.RunEachAsync(keys, Enumerable.Range(0, keys.Count), (_, command, key) => select(command, key), read);

    /// <summary>
    /// Conditional changes, in one transaction: one statement per item that returns a row when it applied, run in
    /// <paramref name="order"/> (so concurrent batches, on any replica, take their row locks in one order and cannot
    /// deadlock); answers, in item order, whether each applied.
    /// </summary>
    /// <param name="statement">Adds the item's parameters to the command and returns its statement.</param>
    public static Task<IReadOnlyList<bool>> ApplyEachAsync<T>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<T> items, IComparer<T> order, Func<IssuerDbContext, DbCommand, T, string> statement) =>
        contexts.RunEachAsync(items, Enumerable.Range(0, items.Count).Order(Comparer<int>.Create((x, y) => order.Compare(items[x], items[y]))),
            statement, row => row is not null);

    private static async Task<IReadOnlyList<TResult>> RunEachAsync<T, TResult>(this IDbContextFactory<IssuerDbContext> contexts, IReadOnlyList<T> items,
        IEnumerable<int> sequence, Func<IssuerDbContext, DbCommand, T, string> statement, Func<DbDataReader?, TResult> read)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var results = new TResult[items.Count];
        var order = sequence.ToList();
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            foreach (var i in order)
            {
                // The item's parameters are made on a command (the EF type mappings make them from one), then moved.
                await using var command = connection.CreateCommand();
                var item = batch.CreateBatchCommand();
                item.CommandText = statement(db, command, items[i]);
                var parameters = command.Parameters.Cast<DbParameter>().ToArray();
                command.Parameters.Clear();
                item.Parameters.AddRange(parameters);
                batch.BatchCommands.Add(item);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            foreach (var i in order)
            {
                results[i] = read(await reader.ReadAsync() ? reader : null);
                await reader.NextResultAsync();
            }
            return results;
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var i in order)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement(db, command, items[i]);
                await using var reader = await command.ExecuteReaderAsync();
                results[i] = read(await reader.ReadAsync() ? reader : null);
            }
            await transaction.CommitAsync();
        }
        return results;
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
