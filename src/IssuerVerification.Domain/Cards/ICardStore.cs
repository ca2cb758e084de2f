namespace IssuerVerification.Domain.Cards;

public interface ICardStore
{
    Task<IReadOnlyList<CardRange>> ListRangesAsync(CancellationToken ct);
    /// <summary>Adds a range; a duplicate prefix throws <see cref="Common.ConflictException"/>.</summary>
    Task AddRangeAsync(CardRange range, CancellationToken ct);
    Task<Card?> FindAsync(byte[] panFingerprint, CancellationToken ct);
    Task<Card?> FindAsync(Guid cardId, CancellationToken ct);
    /// <summary>Adds a card; an existing PAN throws <see cref="Common.ConflictException"/>.</summary>
    Task AddAsync(Card card, CancellationToken ct);
    Task UpdateAsync(Card card, CancellationToken ct);
}
