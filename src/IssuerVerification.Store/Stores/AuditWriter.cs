using System.Threading.Channels;
using IssuerVerification.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Group commit for the audit log: concurrent requests' entries are written together, one transaction per batch,
/// and each request returns only once its entry is committed (nothing acknowledged is lost; a store failure fails the request).
/// </summary>
internal sealed class AuditWriter : IAuditLog, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly IDbContextFactory<IssuerDbContext> _contexts;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AuditWriter(IDbContextFactory<IssuerDbContext> contexts)
    {
        _contexts = contexts;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((entry, done)))
        {
            throw new InvalidOperationException("The audit log is shutting down.");
        }
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await using var db = await _contexts.CreateDbContextAsync();
                db.AuditLog.AddRange(batch.Select(b => b.Entry));
                await db.SaveChangesAsync();
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Done.TrySetException(e));
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
