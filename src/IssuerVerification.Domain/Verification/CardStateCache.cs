using System.Collections.Concurrent;
using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>
/// Keeps each card's <see cref="CardState"/> for <see cref="CardStateCacheOptions.Lifetime"/>, so that a burst of
/// verifications of one card reads the store once. Every change made through this replica (a failure, a reset, a
/// registration or status change) forgets the entry at once, so one replica is exact. A change made through another
/// replica is seen here when the entry expires, except that a failure counted here always reloads: a card locked
/// elsewhere answers card_locked here from the next attempt after a wrong one.
/// </summary>
public sealed class CardStateCache(ILockoutStore store, TimeProvider clock, CardStateCacheOptions options) : ICardChangeListener
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private long _generation;
    private long _nextSweepTicks;

    private sealed record Entry(CardState State, DateTimeOffset ExpiresAt);

    public async Task<CardState> GetAsync(byte[] fingerprint, CancellationToken ct)
    {
        var key = Convert.ToBase64String(fingerprint);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached.State;
        }
        var generation = Interlocked.Read(ref _generation);
        var state = await store.CardStateAsync(fingerprint, ct);
        if (options.Lifetime > TimeSpan.Zero)
        {
            Remember(key, new Entry(state, now + options.Lifetime), generation, now);
        }
        return state;
    }

    /// <summary>Called after every change to a card's registration or counters made through this replica.</summary>
    public void CardChanged(byte[] fingerprint)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(Convert.ToBase64String(fingerprint), out _);
    }

    /// <summary>
    /// A state read while a change was being made may be stale: it is dropped again if anything was forgotten meanwhile.
    /// When full, expired entries are swept at most once a lifetime; until then new states are not kept.
    /// </summary>
    private void Remember(string key, Entry entry, long generation, DateTimeOffset now)
    {
        var nextSweep = Interlocked.Read(ref _nextSweepTicks);
        if (_entries.Count >= options.MaxEntries && now.UtcTicks >= nextSweep
            && Interlocked.CompareExchange(ref _nextSweepTicks, (now + options.Lifetime).UtcTicks, nextSweep) == nextSweep)
        {
            foreach (var (k, e) in _entries.Where(p => p.Value.ExpiresAt <= now))
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(k, e));
            }
        }
        if (_entries.Count < options.MaxEntries)
        {
            _entries[key] = entry;
            if (Interlocked.Read(ref _generation) != generation)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }
}
