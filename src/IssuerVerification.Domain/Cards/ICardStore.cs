namespace IssuerVerification.Domain.Cards;

public interface ICardStore
{
    Task<IReadOnlyList<CardRange>> ListRangesAsync(CancellationToken ct);
    /// <summary>Adds a range; a duplicate prefix throws <see cref="Common.ConflictException"/>.</summary>
    Task AddRangeAsync(CardRange range, CancellationToken ct);
    /// <summary>
    /// Replaces range <paramref name="id"/> with what <paramref name="change"/> makes of it, holding the range's lock meanwhile
    /// so that concurrent changes apply one after the other; null when there is no such range.
    /// </summary>
    Task<CardRange?> UpdateRangeAsync(Guid id, Func<CardRange, Task<CardRange>> change, CancellationToken ct);
    Task<Card?> FindAsync(byte[] panFingerprint, CancellationToken ct);
    Task<Card?> FindAsync(Guid cardId, CancellationToken ct);
    /// <summary>Adds a card; an existing PAN throws <see cref="Common.ConflictException"/>.</summary>
    Task AddAsync(Card card, CancellationToken ct);
    /// <summary>Writes a card's changes; contacts still held in clear from an earlier version stay for <see cref="UpgradeAsync"/>.</summary>
    Task UpdateAsync(Card card, CancellationToken ct);
    /// <summary>Cards of <see cref="Card.UnboundAtRestVersion"/> in id order, skipping the first <paramref name="skip"/>, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<LegacyCard>> LegacyCardsAsync(int skip, int take, CancellationToken ct);
    /// <summary>Writes a card brought to the current version and erases the contacts it held in clear.</summary>
    Task UpgradeAsync(Card card, CancellationToken ct);
}
