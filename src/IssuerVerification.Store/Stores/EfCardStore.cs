using IssuerVerification.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfCardStore(IDbContextFactory<IssuerDbContext> contexts) : ICardStore
{
    public async Task<IReadOnlyList<CardRange>> ListRangesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CardRanges.AsNoTracking().OrderBy(r => r.PanPrefix).ToListAsync(ct);
    }

    public Task AddRangeAsync(CardRange range, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, range, $"A card range with prefix {range.PanPrefix} exists.", ct);

    public async Task<Card?> FindAsync(byte[] panFingerprint, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.PanFingerprint == panFingerprint, ct);
    }

    public async Task<Card?> FindAsync(Guid cardId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cardId, ct);
    }

    public Task AddAsync(Card card, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, card, $"Card {card.MaskedPan} is already registered.", ct);

    public async Task UpdateAsync(Card card, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Update(card);
        await db.SaveChangesAsync(ct);
    }
}
