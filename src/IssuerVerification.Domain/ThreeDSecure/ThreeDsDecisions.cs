using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The ARes decision (docs/3ds.md): unknown card N/13, card not active R/12 (R/10 stolen), card locked by verification
/// failures N/11; a challenge when the requestor mandates one (04) or the amount is above the range's frictionless maximum,
/// which becomes A when the cardholder has no phone or email to send a code to (<see cref="Challenge"/>: the contacts are
/// opened only then); otherwise Y.
/// </summary>
public static class ThreeDsDecisions
{
    public const string ChallengeMandated = "04";

    public static (string Status, string? Reason) Decide(CardState state, ThreeDsSettings settings, long? amount, string? challengeIndicator,
        DateTime now)
    {
        if (state.Card is not { } card)
        {
            return (TransStatus.NotAuthenticated, TransStatus.ReasonCardholderNotEnrolled);
        }
        if (card.Status != CardStatus.Active)
        {
            return (TransStatus.Rejected, card.Status == CardStatus.Stolen ? TransStatus.ReasonStolenCard : TransStatus.ReasonTransactionNotPermitted);
        }
        if (state.Lockout.LockedUntil is { } until && until > now)
        {
            return (TransStatus.NotAuthenticated, TransStatus.ReasonSuspectedFraud);
        }
        var challenge = challengeIndicator == ChallengeMandated || amount > settings.FrictionlessMaxAmount;
        return challenge ? (TransStatus.Challenge, null) : (TransStatus.Authenticated, null);
    }

    /// <summary>A challenge needs a phone or an email to send the code to; without one it is an attempt (A).</summary>
    public static (string Status, string? Reason) Challenge(bool hasContact) =>
        hasContact ? (TransStatus.Challenge, null) : (TransStatus.Attempted, null);
}
