using System.Data.Common;
using System.Text;
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
    /// Runs <paramref name="statements"/> in their order in one transaction, committed before this returns. Each statement
    /// that returns a result (a SELECT, a RETURNING clause) is answered, in order, by <paramref name="read"/> of its first row
    /// (null when it has none); a plain INSERT has no answer. <paramref name="then"/>, if given, makes the
    /// statements that follow from those answers, run in the same transaction. PostgreSQL gets each step as one Npgsql batch
    /// (one round trip; a single step needs no explicit transaction: the batch's implicit one commits before it answers).
    /// </summary>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TResult>(this IDbContextFactory<IssuerDbContext> contexts,
        IReadOnlyList<Statement> statements, Func<DbDataReader?, TResult> read, Func<IReadOnlyList<TResult>, IReadOnlyList<Statement>>? then = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = then is null && connection.CanCreateBatch ? null : await connection.BeginTransactionAsync();
        var results = await RunAsync(db, transaction, statements, read);
        if (then is not null)
        {
            await RunAsync(db, transaction, then(results), _ => 0);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
        return results;
    }

    private static async Task<List<TResult>> RunAsync<TResult>(IssuerDbContext db, DbTransaction? transaction, IReadOnlyList<Statement> statements,
        Func<DbDataReader?, TResult> read)
    {
        var connection = db.Database.GetDbConnection();
        var results = new List<TResult>(statements.Count);
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
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
            // Npgsql's reader passes over the statements that return no result.
            await using var reader = await batch.ExecuteReaderAsync();
            while (reader.FieldCount > 0)
            {
                results.Add(read(await reader.ReadAsync() ? reader : null));
                if (!await reader.NextResultAsync())
                {
                    break;
                }
            }
            return results;
        }
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement(db, command);
            await using var reader = await command.ExecuteReaderAsync();
            if (reader.FieldCount > 0)
            {
                results.Add(read(await reader.ReadAsync() ? reader : null));
            }
        }
        return results;
    }

    /// <summary>An INSERT of <paramref name="rows"/> (<see cref="ModelSql.AppendInsert"/>); none when there are no rows.</summary>
    public static IEnumerable<Statement> Insert<T>(IReadOnlyList<T> rows, string? suffix = null)
    {
        if (rows.Count > 0)
        {
            yield return (db, command) =>
            {
                var sql = new StringBuilder();
                ModelSql.AppendInsert(db, command, sql, "p", rows, suffix);
                return sql.ToString();
            };
        }
    }
}
