using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>What a verification knows about its card: the PAN, its fingerprint, the registered card (if any), its lockout and its range.</summary>
public sealed record CardContext(Pan Pan, byte[] Fingerprint, CardState State, CardRange Range)
{
    public Card? Card => State.Card;

    public bool IsInactive => Card is { Status: not CardStatus.Active };

    /// <summary>
    /// Values are generated for registered, active cards only, and for unregistered PANs only where the range allows it:
    /// otherwise the generate scope would be an oracle for any PAN the range covers.
    /// </summary>
    public void RequireValuesAllowed()
    {
        if (Card is null && !Range.GenerateForUnregisteredCards)
        {
            throw new Common.CannotServeException("card-not-registered", "Card not registered",
                $"Card {Pan.Masked} is not registered; its range generates values for registered cards only.");
        }
        if (IsInactive)
        {
            throw new Common.CannotServeException("card-not-active", "Card not active",
                $"Card {Pan.Masked} is {Card!.Status.ToString().ToLowerInvariant()}; no values are generated for it.");
        }
    }
}
