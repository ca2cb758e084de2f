using System.Text;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Delivery;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfOutboxStore : IOutboxStore, IAsyncDisposable
{
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly GroupCommit<OutboxMessage, bool> _adds;

    public EfOutboxStore(IDbContextFactory<IssuerDbContext> contexts)
    {
        _contexts = contexts;
        _adds = new GroupCommit<OutboxMessage, bool>("outbox", AddAllAsync);
    }

    /// <summary>Every step-up sends a code: concurrent messages are written together, one INSERT a batch (group commit).</summary>
    public Task AddAsync(OutboxMessage message, CancellationToken ct) => _adds.SubmitAsync(message);

    private async Task<IReadOnlyList<bool>> AddAllAsync(IReadOnlyList<OutboxMessage> messages)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var sql = new StringBuilder();
        ModelSql.AppendInsert(db, command, sql, "m", messages);
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
        return [.. messages.Select(_ => true)];
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string reference, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(m => m.Reference == reference).OrderBy(m => m.CreatedAt).ToListAsync(ct);
    }

    public ValueTask DisposeAsync() => _adds.DisposeAsync();
}
