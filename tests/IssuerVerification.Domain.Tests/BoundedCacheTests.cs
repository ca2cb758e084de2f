using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Tests;

public sealed class BoundedCacheTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static BoundedCache<int, DateTime> Cache(int maxEntries) => new(maxEntries, TimeSpan.FromMinutes(1), expiresAt => expiresAt);

    [Fact]
    public void Replacing_an_entry_keeps_one_and_removing_by_value_spares_a_newer_one()
    {
        var cache = Cache(10);
        cache.Set(1, Now.AddMinutes(1), Now);
        cache.Set(1, Now.AddMinutes(5), Now);
        Assert.Equal(1, cache.Count);
        cache.Remove(1, Now.AddMinutes(1));
        Assert.True(cache.TryGet(1, Now.AddMinutes(4), out var kept));
        Assert.Equal(Now.AddMinutes(5), kept);
        Assert.False(cache.TryGet(1, Now.AddMinutes(5), out _));
        cache.Remove(1);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void When_full_keeps_no_new_entry_until_expired_ones_are_swept()
    {
        var cache = Cache(2);
        cache.Set(1, Now.AddSeconds(30), Now);
        cache.Set(2, Now.AddMinutes(10), Now);
        cache.Set(3, Now.AddMinutes(10), Now);
        Assert.False(cache.TryGet(3, Now, out _));
        cache.Set(4, Now.AddMinutes(10), Now.AddMinutes(1));
        Assert.True(cache.TryGet(4, Now.AddMinutes(1), out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_count_stays_exact_under_concurrent_sets_and_removes()
    {
        var cache = Cache(1_000);
        Parallel.For(0, 8, thread =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(50);
                if (random.Next(2) == 0)
                {
                    cache.Set(key, Now.AddMinutes(random.Next(1, 10)), Now);
                }
                else
                {
                    cache.Remove(key);
                }
            }
        });
        Assert.Equal(Enumerable.Range(0, 50).Count(key => cache.TryGet(key, Now, out _)), cache.Count);
    }
}
