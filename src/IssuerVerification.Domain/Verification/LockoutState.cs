namespace IssuerVerification.Domain.Verification;

/// <summary>A card's consecutive failures across all clients, and until when it is locked.</summary>
public sealed record LockoutState(int ConsecutiveFailures, DateTime? LockedUntil);
