using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Cards;

/// <summary>Registers cards and changes their status or contacts.</summary>
public sealed class CardRegistry(ICardStore store, PanProtector pans, ICardChangeListener changes, TimeProvider clock)
{
    public async Task<Card> RegisterAsync(Pan pan, string expiry, string psn, CardStatus status, Cardholder cardholder, CancellationToken ct)
    {
        var fingerprint = await pans.FingerprintAsync(pan, ct);
        if (await store.FindAsync(fingerprint, ct) is not null)
        {
            throw new ConflictException($"Card {pan.Masked} is already registered.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var card = new Card
        {
            Id = Guid.NewGuid(),
            PanFingerprint = fingerprint,
            PanEncrypted = await pans.EncryptAsync(pan, ct),
            MaskedPan = pan.Masked,
            Expiry = expiry,
            Psn = psn,
            Status = status,
            Cardholder = cardholder,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.AddAsync(card, ct);
        changes.CardChanged(fingerprint);
        return card;
    }

    public async Task<Card> GetAsync(Guid cardId, CancellationToken ct) =>
        await store.FindAsync(cardId, ct) ?? throw new NotFoundException($"No card with id {cardId}.");

    /// <summary>The registered card for this PAN, or null: unregistered PANs may still be verified.</summary>
    public async Task<Card?> FindAsync(Pan pan, CancellationToken ct) => await store.FindAsync(await pans.FingerprintAsync(pan, ct), ct);

    public async Task<Card> UpdateAsync(Guid cardId, CardStatus? status, Cardholder? cardholder, CancellationToken ct)
    {
        var card = await GetAsync(cardId, ct);
        card.Status = status ?? card.Status;
        card.Cardholder = cardholder ?? card.Cardholder;
        card.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await store.UpdateAsync(card, ct);
        changes.CardChanged(card.PanFingerprint);
        return card;
    }
}
