using IssuerVerification.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace IssuerVerification.Store.Stores;

internal sealed class EfCardStore(IDbContextFactory<IssuerDbContext> contexts) : ICardStore
{
    public const string LegacyPhone = "LegacyPhone";
    public const string LegacyEmail = "LegacyEmail";

    public async Task<IReadOnlyList<CardRange>> ListRangesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CardRanges.AsNoTracking().OrderBy(r => r.PanPrefix).ToListAsync(ct);
    }

    public Task AddRangeAsync(CardRange range, CancellationToken ct) =>
        UniqueViolation.AddAsync(contexts, range, $"A card range with prefix {range.PanPrefix} exists.", ct);

    public async Task<CardRange?> UpdateRangeAsync(Guid id, Func<CardRange, Task<CardRange>> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite: the transaction takes the write lock. PostgreSQL: the range's row lock, until the change is written.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"CardRanges\" WHERE \"Id\" = {id} FOR UPDATE", ct);
        }
        var current = await db.CardRanges.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (current is null)
        {
            return null;
        }
        var updated = await change(current);
        db.Update(updated);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return updated;
    }

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
        var entry = db.Update(card);
        entry.Property(LegacyPhone).IsModified = false;
        entry.Property(LegacyEmail).IsModified = false;
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<LegacyCard>> LegacyCardsAsync(int skip, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Cards.AsNoTracking().Where(c => c.AtRestVersion == Card.UnboundAtRestVersion).OrderBy(c => c.Id).Skip(skip).Take(take)
            .Select(c => new LegacyCard(c, EF.Property<string?>(c, LegacyPhone), EF.Property<string?>(c, LegacyEmail)))
            .ToListAsync(ct);
    }

    public async Task UpgradeAsync(Card card, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = db.Update(card);
        entry.Property(LegacyPhone).CurrentValue = null;
        entry.Property(LegacyEmail).CurrentValue = null;
        await db.SaveChangesAsync(ct);
    }
}
