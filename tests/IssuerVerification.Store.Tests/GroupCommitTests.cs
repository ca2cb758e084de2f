using IssuerVerification.Store.Stores;

namespace IssuerVerification.Store.Tests;

public sealed class GroupCommitTests
{
    /// <summary>
    /// Submits items one by one while every commit waits on a gate; answers how many batches were committing at once at
    /// most, and checks that each caller got its own result.
    /// </summary>
    private static async Task<int> MostAtOnceAsync(int writers)
    {
        var (inFlight, most) = (0, 0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var commits = new GroupCommit<int, int>("test", async batch =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await gate.Task;
            Interlocked.Decrement(ref inFlight);
            return [.. batch.Select(i => i * 10)];
        }, writers);
        var results = new List<Task<int>>();
        for (var i = 0; i < 20; i++)
        {
            results.Add(commits.SubmitAsync(i));
            await Task.Delay(5);
        }
        gate.SetResult();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 10), await Task.WhenAll(results));
        return most;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task One_writer_commits_one_batch_at_a_time() => Assert.Equal(1, await MostAtOnceAsync(writers: 1));

    [Fact]
    public async Task Two_writers_commit_two_batches_at_once() => Assert.Equal(2, await MostAtOnceAsync(writers: 2));
}
