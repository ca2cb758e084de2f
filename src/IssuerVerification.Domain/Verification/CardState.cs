using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>What every verification checks first: the registered card (null for an unregistered PAN) and its lockout.</summary>
public sealed record CardState(Card? Card, LockoutState Lockout);
