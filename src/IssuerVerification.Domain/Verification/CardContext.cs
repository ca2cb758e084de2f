using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>What a verification knows about its card: the PAN, its fingerprint, the registered card (if any), its lockout and its range.</summary>
public sealed record CardContext(Pan Pan, byte[] Fingerprint, CardState State, CardRange Range)
{
    public Card? Card => State.Card;

    public bool IsInactive => Card is { Status: not CardStatus.Active };

    /// <summary>Generating values for a blocked, lost, stolen or closed card is refused.</summary>
    public void RequireActive()
    {
        if (IsInactive)
        {
            throw new Common.CannotServeException("card-not-active", "Card not active",
                $"Card {Pan.Masked} is {Card!.Status.ToString().ToLowerInvariant()}; no values are generated for it.");
        }
    }
}
