using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;

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
    private readonly BoundedCache<string, Entry> _entries = new(options.MaxEntries, options.Lifetime, e => e.ExpiresAt.UtcDateTime);
    private long _generation;

    private sealed record Entry(CardState State, DateTimeOffset ExpiresAt);

    public async Task<CardState> GetAsync(byte[] fingerprint, CancellationToken ct)
    {
        var key = Convert.ToBase64String(fingerprint);
        var now = clock.GetUtcNow();
        if (_entries.TryGet(key, now.UtcDateTime, out var cached))
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
        _entries.Remove(Convert.ToBase64String(fingerprint));
    }

    /// <summary>
    /// A state read while a change was being made may be stale: it is dropped again if anything was forgotten meanwhile.
    /// When full, expired entries are swept at most once a lifetime; until then new states are not kept.
    /// </summary>
    private void Remember(string key, Entry entry, long generation, DateTimeOffset now)
    {
        _entries.Set(key, entry, now.UtcDateTime);
        if (Interlocked.Read(ref _generation) != generation)
        {
            _entries.Remove(key, entry);
        }
    }
}
