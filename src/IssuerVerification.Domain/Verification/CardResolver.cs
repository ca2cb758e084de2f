using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>Resolves a PAN (or a card id) to its <see cref="CardContext"/>.</summary>
public sealed class CardResolver(PanProtector pans, ICardStore cards, CardRanges ranges, CardStateCache states)
{
    public async Task<CardContext> ResolveAsync(Pan pan, CancellationToken ct) =>
        await ResolveAsync(pan, await pans.FingerprintAsync(pan, ct), ct);

    public async Task<CardContext> ResolveAsync(Guid cardId, CancellationToken ct)
    {
        var card = await cards.FindAsync(cardId, ct) ?? throw new Common.NotFoundException($"No card with id {cardId}.");
        return await ResolveAsync(await pans.DecryptAsync(card.PanEncrypted, card.PanFingerprint, ct), card.PanFingerprint, ct);
    }

    private async Task<CardContext> ResolveAsync(Pan pan, byte[] fingerprint, CancellationToken ct)
    {
        var range = await ranges.ForAsync(pan, ct);
        return new CardContext(pan, fingerprint, await states.GetAsync(fingerprint, ct), range);
    }
}
