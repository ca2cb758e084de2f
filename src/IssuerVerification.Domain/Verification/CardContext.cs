using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>What a verification knows about its card: the PAN, its fingerprint, the registered card (if any), its lockout and its range.</summary>
public sealed record CardContext(Pan Pan, byte[] Fingerprint, CardState State, CardRange Range)
{
    public Card? Card => State.Card;

    public bool IsInactive => Card is { Status: not CardStatus.Active };
}

/// <summary>Resolves a PAN (or a card id) to its <see cref="CardContext"/>.</summary>
public sealed class CardResolver(PanProtector pans, ICardStore cards, CardRanges ranges, CardStateCache states)
{
    public async Task<CardContext> ResolveAsync(Pan pan, CancellationToken ct) =>
        await ResolveAsync(pan, await pans.FingerprintAsync(pan, ct), ct);

    public async Task<CardContext> ResolveAsync(Guid cardId, CancellationToken ct)
    {
        var card = await cards.FindAsync(cardId, ct) ?? throw new Common.NotFoundException($"No card with id {cardId}.");
        return await ResolveAsync(await pans.DecryptAsync(card.PanEncrypted, ct), card.PanFingerprint, ct);
    }

    private async Task<CardContext> ResolveAsync(Pan pan, byte[] fingerprint, CancellationToken ct)
    {
        var range = await ranges.ForAsync(pan, ct);
        return new CardContext(pan, fingerprint, await states.GetAsync(fingerprint, ct), range);
    }

    /// <summary>Generating values for a blocked, lost, stolen or closed card is refused (422).</summary>
    public static void RequireActive(CardContext card)
    {
        if (card.IsInactive)
        {
            throw new Common.UnprocessableException("card-not-active", "Card not active",
                $"Card {card.Pan.Masked} is {card.Card!.Status.ToString().ToLowerInvariant()}; no values are generated for it.");
        }
    }
}
