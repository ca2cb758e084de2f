using System.Collections.Concurrent;

namespace IssuerVerification.Domain.Common;

/// <summary>
/// A per-replica cache of at most <paramref name="maxEntries"/> entries, each valid until <paramref name="expiresAt"/>. When
/// full, the expired entries are dropped (at most once every <paramref name="sweepEvery"/>), and while it is still full new
/// entries are not kept. The entries are counted here: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every
/// lock of the dictionary, and the callers ask on hot paths.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int maxEntries, TimeSpan sweepEvery, Func<TValue, DateTime> expiresAt) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();
    private int _count;
    private long _nextSweepTicks;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The entry under <paramref name="key"/>, if it is still valid at <paramref name="now"/>.</summary>
    public bool TryGet(TKey key, DateTime now, out TValue value) => _entries.TryGetValue(key, out value!) && expiresAt(value) > now;

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> (replacing an entry there) unless the cache is full.</summary>
    public void Set(TKey key, TValue value, DateTime now)
    {
        var nextSweep = Interlocked.Read(ref _nextSweepTicks);
        if (Count >= maxEntries && now.Ticks >= nextSweep
            && Interlocked.CompareExchange(ref _nextSweepTicks, (now + sweepEvery).Ticks, nextSweep) == nextSweep)
        {
            foreach (var entry in _entries.Where(p => expiresAt(p.Value) <= now))
            {
                Removed(_entries.TryRemove(entry));
            }
        }
        while (Count < maxEntries)
        {
            if (_entries.TryGetValue(key, out var kept) ? _entries.TryUpdate(key, value, kept) : Added(_entries.TryAdd(key, value)))
            {
                return;
            }
        }
    }

    public void Remove(TKey key) => Removed(_entries.TryRemove(key, out _));

    /// <summary>Removes the entry under <paramref name="key"/> only if it is still <paramref name="value"/>.</summary>
    public void Remove(TKey key, TValue value) => Removed(_entries.TryRemove(new KeyValuePair<TKey, TValue>(key, value)));

    private bool Added(bool added)
    {
        if (added)
        {
            Interlocked.Increment(ref _count);
        }
        return added;
    }

    private void Removed(bool removed)
    {
        if (removed)
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
