using System.Diagnostics;
using System.Threading.Channels;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Group commit: concurrent callers' items are written together, one transaction per batch, and each caller gets its
/// own result only once that transaction has committed (nothing acknowledged is lost; a failed batch fails each of its
/// callers). One batch at a time by default: while it commits the next one gathers (measured: more writers meant smaller
/// batches, more commits and less throughput; bench/load/README.md). A writer whose batches need no order among themselves
/// may let two commit at once: a slow commit then no longer holds every caller behind it.
/// </summary>
internal sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly string _name;
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _commit;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done, long Submitted)> _queue;
    private readonly Task[] _writers;

    /// <param name="name">The writer's name in the metrics (<see cref="GroupCommitMetrics"/>).</param>
    /// <param name="writers">How many batches may commit at once (one: a batch commits after the one before it).</param>
    public GroupCommit(string name, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit, int writers = 1)
    {
        _name = name;
        _commit = commit;
        _queue = Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>, long)>(new UnboundedChannelOptions { SingleReader = writers == 1 });
        // The writers run for the process's life: they must not keep the execution context (the audit context, say) of the
        // request that happened to create them.
        using (ExecutionContext.SuppressFlow())
        {
            _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync))];
        }
    }

    public Task<TResult> SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done, Stopwatch.GetTimestamp())))
        {
            throw new InvalidOperationException("The store is shutting down.");
        }
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done, long Submitted)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            if (batch.Count == 0)
            {
                continue; // another writer took them
            }
            try
            {
                var results = await _commit(batch.ConvertAll(b => b.Item));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(b => b.Done.TrySetException(e));
            }
            Measure(batch);
            batch.Clear();
        }
    }

    private void Measure(List<(TItem Item, TaskCompletionSource<TResult> Done, long Submitted)> batch)
    {
        GroupCommitMetrics.Batch(_name, batch.Count);
        if (GroupCommitMetrics.WaitsMeasured)
        {
            foreach (var entry in batch)
            {
                GroupCommitMetrics.Waited(_name, entry.Submitted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }
}
