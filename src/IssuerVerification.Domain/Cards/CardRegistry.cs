using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Cards;

/// <summary>Registers cards and changes their status or contacts.</summary>
public sealed class CardRegistry(ICardStore store, PanProtector pans, ICardChangeListener changes, TimeProvider clock)
{
    private const int UpgradeBatch = 500;

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
            PanEncrypted = await pans.EncryptAsync(pan, fingerprint, ct),
            MaskedPan = pan.Masked,
            Expiry = expiry,
            Psn = psn,
            Status = status,
            Cardholder = await pans.SealCardholderAsync(cardholder, fingerprint, ct),
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

    /// <summary>The card's cardholder with the phone and email in clear: only for using them, never for an answer as they are.</summary>
    public Task<Cardholder> CardholderAsync(Card card, CancellationToken ct) => pans.OpenCardholderAsync(card.Cardholder, card.PanFingerprint, ct);

    public async Task<Card> UpdateAsync(Guid cardId, CardStatus? status, Cardholder? cardholder, CancellationToken ct)
    {
        var card = await GetAsync(cardId, ct);
        card.Status = status ?? card.Status;
        card.Cardholder = cardholder is null ? card.Cardholder : await pans.SealCardholderAsync(cardholder, card.PanFingerprint, ct);
        card.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await store.UpdateAsync(card, ct);
        changes.CardChanged(card.PanFingerprint);
        return card;
    }

    /// <summary>
    /// Brings every card stored in the unbound format (<see cref="Card.UnboundAtRestVersion"/>) to the current one: the PAN
    /// re-encrypted bound to its fingerprint and masked anew, the clear contacts sealed and erased. Runs at start-up; safe to
    /// run on several replicas at once (each card ends the same). Returns the cards left as they were because their PAN
    /// ciphertext does not decrypt to their fingerprint's PAN (moved from another card, or damaged).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> UpgradeStoredCardsAsync(CancellationToken ct)
    {
        var refused = new List<Guid>();
        while (await store.LegacyCardsAsync(refused.Count, UpgradeBatch, ct) is { Count: > 0 } batch)
        {
            foreach (var (card, phone, email) in batch)
            {
                try
                {
                    var pan = await pans.DecryptAsync(card.PanEncrypted, card.PanFingerprint, ct);
                    card.PanEncrypted = await pans.EncryptAsync(pan, card.PanFingerprint, ct);
                    card.MaskedPan = pan.Masked;
                }
                catch (CardIntegrityException)
                {
                    refused.Add(card.Id);
                    continue;
                }
                // A card whose contacts were changed since (sealed already) keeps those; the clear ones are stale.
                card.Cardholder = card.Cardholder.SealedContacts is not null ? card.Cardholder : await pans.SealCardholderAsync(
                    new Cardholder { Name = card.Cardholder.Name, BankApp = card.Cardholder.BankApp, Phone = phone, Email = email }, card.PanFingerprint, ct);
                card.AtRestVersion = Card.CurrentAtRestVersion;
                await store.UpgradeAsync(card, ct);
                changes.CardChanged(card.PanFingerprint);
            }
        }
        return refused;
    }
}
