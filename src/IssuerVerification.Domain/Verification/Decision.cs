using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Domain.Verification;

/// <summary>A verification's outcome as it is made durable: its effect on the card's lockout and its audit record.</summary>
/// <param name="Audit">The record of the outcome the check proposed.</param>
/// <param name="LockUntil">Until when the failure that reaches <paramref name="MaxFailures"/> locks the card.</param>
/// <param name="Now">The moment of the decision: a card locked until after it answers card_locked.</param>
public sealed record Decision(AuditEntry Audit, LockoutEffect Effect, int MaxFailures, DateTime LockUntil, DateTime Now)
{
    /// <summary>The record written when the card turned out to be locked when the decision became durable.</summary>
    public static AuditEntry AsLocked(AuditEntry audit) => audit with { Outcome = AuditOutcomes.NoMatch, Reason = MismatchReason.CardLocked.Code() };
}
