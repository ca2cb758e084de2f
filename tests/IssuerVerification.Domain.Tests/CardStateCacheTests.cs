using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests;

public sealed class CardStateCacheTests
{
    private static readonly byte[] Card = [1, 2, 3];
    private readonly FakeClock _clock = new();
    private readonly CountingStore _store = new();

    private CardStateCache Cache(int seconds = 5, int maxEntries = 100) =>
        new(_store, _clock, new CardStateCacheOptions(TimeSpan.FromSeconds(seconds), maxEntries));

    [Fact]
    public async Task Reads_the_store_once_within_the_lifetime_and_again_after_it()
    {
        var cache = Cache();
        await cache.GetAsync(Card, default);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await cache.GetAsync(Card, default);
        Assert.Equal(1, _store.Reads);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await cache.GetAsync(Card, default);
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task A_change_made_here_is_seen_at_once()
    {
        var cache = Cache();
        Assert.Equal(0, (await cache.GetAsync(Card, default)).Lockout.ConsecutiveFailures);
        _store.Failures = 3;
        cache.CardChanged(Card);
        Assert.Equal(3, (await cache.GetAsync(Card, default)).Lockout.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_state_read_while_a_change_is_made_is_not_kept()
    {
        var cache = Cache();
        _store.DuringRead = () => cache.CardChanged(Card);
        await cache.GetAsync(Card, default);
        _store.DuringRead = null;
        await cache.GetAsync(Card, default);
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task Cards_are_kept_apart_and_a_zero_lifetime_always_reads()
    {
        var cache = Cache();
        await cache.GetAsync(Card, default);
        await cache.GetAsync([9], default);
        Assert.Equal(2, _store.Reads);

        var off = Cache(seconds: 0);
        await off.GetAsync(Card, default);
        await off.GetAsync(Card, default);
        Assert.Equal(4, _store.Reads);
    }

    [Fact]
    public async Task When_full_it_keeps_no_more_until_entries_expire()
    {
        var cache = Cache(maxEntries: 2);
        await cache.GetAsync([1], default);
        await cache.GetAsync([2], default);
        await cache.GetAsync([3], default);
        await cache.GetAsync([3], default);
        Assert.Equal(4, _store.Reads); // the third card was not kept

        _clock.Advance(TimeSpan.FromSeconds(5));
        await cache.GetAsync([3], default); // sweeps the two expired entries, keeps this one
        await cache.GetAsync([3], default);
        Assert.Equal(5, _store.Reads);
    }

    private sealed class CountingStore : ILockoutStore
    {
        public int Reads { get; private set; }
        public int Failures { get; set; }
        public Action? DuringRead { get; set; }

        public Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct)
        {
            Reads++;
            DuringRead?.Invoke();
            return Task.FromResult(new CardState(null, new LockoutState(Failures, null)));
        }

        public Task<DecisionOutcome> DecideAsync(Decision decision, CancellationToken ct) => throw new NotSupportedException();
    }
}
