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
    Task UpdateAsync(Card card, CancellationToken ct);
}
