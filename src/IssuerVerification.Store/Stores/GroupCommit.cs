using System.Threading.Channels;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// Group commit: concurrent callers' items are written together, one transaction per batch, and each caller gets its
/// own result only once that transaction has committed (nothing acknowledged is lost; a failed batch fails each of its
/// callers). Up to <c>writers</c> batches are in flight at once, so one can be sent while another waits for its commit.
/// </summary>
internal sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _commit;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>();
    private readonly Task[] _writers;

    public GroupCommit(int writers, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit)
    {
        _commit = commit;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task<TResult> SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done)))
        {
            throw new InvalidOperationException("The store is shutting down.");
        }
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(MaxBatch);
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
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }
}
