using System.Linq.Expressions;
using IssuerVerification.Domain.Retention;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Retention;

/// <summary>Deletes a table's expired rows (<paramref name="expiredAt"/> selects them for a time) in batches of <paramref name="batch"/>.</summary>
internal sealed class TableRetention<T>(
    string name, IDbContextFactory<IssuerDbContext> contexts, int batch, Func<DateTime, Expression<Func<T, bool>>> expiredAt) : IRetentionTask
    where T : class
{
    public string Name => name;

    public async Task<long> PurgeAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expired = db.Set<T>().Where(expiredAt(now));
        var total = 0L;
        int deleted;
        do
        {
            deleted = await expired.Take(batch).ExecuteDeleteAsync(ct);
            total += deleted;
        }
        while (deleted == batch);
        return total;
    }
}
