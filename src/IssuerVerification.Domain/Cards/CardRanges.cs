using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>Card range configuration: creation with key-slot checks, and longest-prefix lookup (cached briefly).</summary>
public sealed class CardRanges(ICardStore store, KeyRing keys, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyList<CardRange> Ranges, DateTimeOffset LoadedAt);

    public async Task<CardRange> CreateAsync(CardRange range, CancellationToken ct)
    {
        foreach (var (slot, alias) in range.Keys.Filled)
        {
            var key = await keys.FindAsync(alias, ct) ?? throw new InvalidFieldException($"keys.{slot}", $"No key with alias '{alias}'.");
            if (key.Usage != slot.Usage)
            {
                throw new InvalidFieldException($"keys.{slot}", $"Key '{alias}' is not a {slot} key: its usage is for another slot.");
            }
        }
        await store.AddRangeAsync(range, ct);
        _snapshot = null;
        return range;
    }

    public async Task<IReadOnlyList<CardRange>> ListAsync(CancellationToken ct) => (await LoadAsync(ct)).Ranges;

    /// <summary>The range with the longest prefix of the PAN, or <see cref="CannotServeException"/>.</summary>
    public async Task<CardRange> ForAsync(Pan pan, CancellationToken ct)
    {
        var match = (await LoadAsync(ct)).Ranges
            .Where(r => pan.Digits.StartsWith(r.PanPrefix, StringComparison.Ordinal))
            .MaxBy(r => r.PanPrefix.Length);
        return match ?? throw new CannotServeException("no-card-range", "No card range",
            $"No card range is configured for {pan.Masked}.");
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt > CacheLifetime)
        {
            snapshot = new Snapshot(await store.ListRangesAsync(ct), clock.GetUtcNow());
            _snapshot = snapshot;
        }
        return snapshot;
    }
}
