using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tests.Fakes;

/// <summary>A card store with no ranges and no cards, for services that need one but whose tests use none.</summary>
internal sealed class NoCardStore : ICardStore
{
    public Task<IReadOnlyList<CardRange>> ListRangesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<CardRange>>([]);

    public Task AddRangeAsync(CardRange range, CancellationToken ct) => throw new NotSupportedException();

    public Task<CardRange?> UpdateRangeAsync(Guid id, Func<CardRange, Task<CardRange>> change, CancellationToken ct) => throw new NotSupportedException();

    public Task<Card?> FindAsync(byte[] panFingerprint, CancellationToken ct) => Task.FromResult<Card?>(null);

    public Task<Card?> FindAsync(Guid cardId, CancellationToken ct) => Task.FromResult<Card?>(null);

    public Task AddAsync(Card card, CancellationToken ct) => throw new NotSupportedException();

    public Task UpdateAsync(Card card, CancellationToken ct) => throw new NotSupportedException();
}
