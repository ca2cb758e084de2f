using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>The audit log, written by group commit: each request returns once its entry is committed.</summary>
internal sealed class AuditWriter(IDbContextFactory<IssuerDbContext> contexts, StoreOptions options) : IAuditLog, IAsyncDisposable
{
    private readonly GroupCommit<AuditEntry, bool> _entries = new(options.Writers, async entries =>
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync();
        return new bool[entries.Count];
    });

    public Task WriteAsync(AuditEntry entry, CancellationToken ct) => _entries.SubmitAsync(entry);

    public ValueTask DisposeAsync() => _entries.DisposeAsync();
}
