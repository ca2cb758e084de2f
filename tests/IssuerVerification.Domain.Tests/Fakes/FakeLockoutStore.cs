using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>One card's state, and every decision made durable; <see cref="LockedAtDecision"/> plays a card locked meanwhile.</summary>
internal sealed class FakeLockoutStore : ILockoutStore
{
    public CardState State { get; set; } = new(null, new LockoutState(0, null));
    public bool LockedAtDecision { get; set; }
    /// <summary>A counted failure is the one that locks the card.</summary>
    public bool FailureLocks { get; set; }
    public int Reads { get; private set; }
    public List<Decision> Decisions { get; } = [];

    public Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct)
    {
        Reads++;
        return Task.FromResult(State);
    }

    public Task<DecisionOutcome> DecideAsync(Decision decision, CancellationToken ct)
    {
        Decisions.Add(decision);
        return Task.FromResult(LockedAtDecision ? DecisionOutcome.CardLocked
            : FailureLocks && decision.Effect == LockoutEffect.CountFailure ? DecisionOutcome.StandsAndLocks
            : DecisionOutcome.Stands);
    }
}
