using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>The reads a group commit batches: one command of one SELECT per key (each at most one row), answered in key order.</summary>
internal static class BatchedReads
{
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
}
