namespace IssuerVerification.Domain.Verification;

/// <summary>How a decision became durable.</summary>
public enum DecisionOutcome
{
    /// <summary>The check's own outcome stands.</summary>
    Stands,
    /// <summary>The card was locked at that moment: the outcome that stands is card_locked.</summary>
    CardLocked,
    /// <summary>The check's outcome (a failure) stands, and it is the failure that locked the card.</summary>
    StandsAndLocks,
}
