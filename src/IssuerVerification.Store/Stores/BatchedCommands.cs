using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>One SQL statement of a batch: adds its parameters to <paramref name="command"/> and returns its text.</summary>
internal delegate string Statement(IssuerDbContext db, DbCommand command);

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
        contexts.RunAsync([.. keys.Select(key => (Statement)((_, command) => select(command, key)))], read);

    /// <summary>
    /// Conditional changes, in one transaction: one statement per item that returns a row when it applied, run in
    /// <paramref name="order"/> (so concurrent batches, on any replica, take their row locks in one order and cannot
    /// deadlock); answers, in item order, whether each applied.
    /// </summary>
    /// <param name="statement">Adds the item's parameters to the command and returns its statement.</param>
    public static async Task<IReadOnlyList<bool>> ApplyEachAsync<T>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<T> items, IComparer<T> order, Func<IssuerDbContext, DbCommand, T, string> statement)
    {
        var sequence = Enumerable.Range(0, items.Count).Order(Comparer<int>.Create((x, y) => order.Compare(items[x], items[y]))).ToList();
        var applied = await contexts.RunAsync([.. sequence.Select(i => (Statement)((db, command) => statement(db, command, items[i])))], row => row is not null);
        var results = new bool[items.Count];
        for (var k = 0; k < sequence.Count; k++)
        {
            results[sequence[k]] = applied[k];
        }
        return results;
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in their order in one transaction, committed before this returns, and answers each
    /// with <paramref name="read"/> of its first row (null when it returns none).
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TResult>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<Statement> statements, Func<DbDataReader?, TResult> read)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var results = new TResult[statements.Count];
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            foreach (var statement in statements)
            {
                // The statement's parameters are made on a command (the EF type mappings make them from one), then moved.
                await using var command = connection.CreateCommand();
                var item = batch.CreateBatchCommand();
                item.CommandText = statement(db, command);
                var parameters = command.Parameters.Cast<DbParameter>().ToArray();
                command.Parameters.Clear();
                item.Parameters.AddRange(parameters);
                batch.BatchCommands.Add(item);
            }
            await using var reader = await batch.ExecuteReaderAsync();
            for (var i = 0; i < statements.Count; i++)
            {
                results[i] = read(await reader.ReadAsync() ? reader : null);
                await reader.NextResultAsync();
            }
            return results;
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < statements.Count; i++)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statements[i](db, command);
                await using var reader = await command.ExecuteReaderAsync();
                results[i] = read(await reader.ReadAsync() ? reader : null);
            }
            await transaction.CommitAsync();
        }
        return results;
    }
}
