namespace IssuerVerification.Domain.Verification;

/// <summary>What every verification checks first and decides last, per card, shared by every client and replica.</summary>
public interface ILockoutStore
{
    /// <summary>The registered card with this fingerprint (if any) and its lockout state, in one read.</summary>
    Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct);

    /// <summary>
    /// Makes a decision durable, atomically and in the order decisions on one card commit: unless the card is locked at
    /// <see cref="Decision.Now"/>, applies its <see cref="Decision.Effect"/>; then writes its audit record with the outcome
    /// that stands. Says whether the card was locked (the outcome that stands is card_locked) or this failure locked it.
    /// A counted failure or a reset also clears a lock that has expired.
    /// </summary>
    Task<DecisionOutcome> DecideAsync(Decision decision, CancellationToken ct);
}
