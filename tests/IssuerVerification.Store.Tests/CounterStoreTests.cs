using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Store.Tests;

/// <summary>The store's atomic statements, on SQLite and (when IV_TEST_POSTGRES is set) PostgreSQL.</summary>
public sealed class CounterStoreTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Atc_advances_only_upwards_within_the_step(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var counters = db.Services.GetRequiredService<IAtcStore>();
        byte[] card = [1, 2, 3];
        Assert.Null(await counters.LastAtcAsync(card, "cvc3", default));
        Assert.True(await counters.TryAdvanceAtcAsync(card, "cvc3", 500, 1000, default));
        Assert.False(await counters.TryAdvanceAtcAsync(card, "cvc3", 500, 1000, default));
        Assert.False(await counters.TryAdvanceAtcAsync(card, "cvc3", 499, 1000, default));
        Assert.False(await counters.TryAdvanceAtcAsync(card, "cvc3", 1501, 1000, default));
        Assert.True(await counters.TryAdvanceAtcAsync(card, "cvc3", 1500, 1000, default));
        Assert.True(await counters.TryAdvanceAtcAsync(card, "dcvv", 7, 1000, default));
        Assert.Equal(1500, await counters.LastAtcAsync(card, "cvc3", default));
        Assert.Equal(7, await counters.LastAtcAsync(card, "dcvv", default));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Concurrent_claims_of_one_atc_have_one_winner(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var counters = db.Services.GetRequiredService<IAtcStore>();
        byte[] card = [9];
        var wins = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => counters.TryAdvanceAtcAsync(card, "cvc3", 42, 1000, default))));
        Assert.Single(wins, w => w);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Failures_lock_at_the_maximum_and_a_locked_card_counts_nothing(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var lockouts = db.Services.GetRequiredService<ILockoutStore>();
        byte[] card = [4];
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var until = now.AddMinutes(30);
        Task<DecisionOutcome> Decide(LockoutEffect effect, DateTime at) => lockouts.DecideAsync(Decision(card, effect, 3, until, at), default);

        Assert.Equal(DecisionOutcome.Stands, await Decide(LockoutEffect.CountFailure, now));
        Assert.Equal(DecisionOutcome.Stands, await Decide(LockoutEffect.CountFailure, now));
        Assert.Equal(new LockoutState(2, null), (await lockouts.CardStateAsync(card, default)).Lockout);
        Assert.Equal(DecisionOutcome.StandsAndLocks, await Decide(LockoutEffect.CountFailure, now)); // the third counts and locks
        Assert.Equal(new LockoutState(0, until), (await lockouts.CardStateAsync(card, default)).Lockout);
        Assert.Equal(DecisionOutcome.CardLocked, await Decide(LockoutEffect.CountFailure, now.AddMinutes(1))); // locked: not counted
        Assert.Equal(DecisionOutcome.CardLocked, await Decide(LockoutEffect.Reset, now.AddMinutes(1))); // a match on a locked card does not stand
        Assert.Equal(new LockoutState(0, until), (await lockouts.CardStateAsync(card, default)).Lockout);
        Assert.Equal(DecisionOutcome.Stands, await Decide(LockoutEffect.CountFailure, until)); // the lock has ended: cleared
        Assert.Equal(new LockoutState(1, null), (await lockouts.CardStateAsync(card, default)).Lockout);
        Assert.Equal(DecisionOutcome.Stands, await Decide(LockoutEffect.Reset, until));
        Assert.Equal(0, (await lockouts.CardStateAsync(card, default)).Lockout.ConsecutiveFailures);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Of_concurrent_failures_exactly_the_maximum_count_and_every_decision_is_audited(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var lockouts = db.Services.GetRequiredService<ILockoutStore>();
        byte[] card = [5];
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var locked = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            lockouts.DecideAsync(Decision(card, LockoutEffect.CountFailure, 5, now.AddMinutes(30), now), default))));
        Assert.Equal(5, locked.Count(l => l != DecisionOutcome.CardLocked));
        Assert.Equal(1, locked.Count(l => l == DecisionOutcome.StandsAndLocks));
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(35, await context.AuditLog.CountAsync(e => e.Reason == "card_locked"));
        Assert.Equal(5, await context.AuditLog.CountAsync(e => e.Reason == "value_mismatch"));
    }

    private static Decision Decision(byte[] card, LockoutEffect effect, int maxFailures, DateTime lockUntil, DateTime now) => new(
        new AuditEntry
        {
            At = now,
            Client = "test",
            Action = "cvv2.verify",
            CardFingerprint = card,
            Outcome = effect == LockoutEffect.Reset ? "match" : "no_match",
            Reason = effect == LockoutEffect.Reset ? null : "value_mismatch",
        },
        effect, maxFailures, lockUntil, now);

    [Theory, MemberData(nameof(Stores))]
    public async Task Duplicate_alias_is_a_conflict(string store)
    {
        await using var db = await TestDatabase.CreateAsync(store);
        var keys = db.Services.GetRequiredService<IKeyStore>();
        StoredKey Key() => new() { Id = Guid.NewGuid(), Alias = "same", Wrapped = [1], Kcv = "000000", CreatedAt = DateTime.UtcNow };
        await keys.AddAsync(Key(), default);
        await Assert.ThrowsAsync<ConflictException>(() => keys.AddAsync(Key(), default));
    }
}
