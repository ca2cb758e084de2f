using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Cards;

/// <summary>
/// Card range configuration: creation and change with key-slot checks, and longest-prefix lookup. The list is cached for
/// <see cref="CacheLifetime"/>; a change made through this replica is seen here at once, elsewhere within that time.
/// </summary>
public sealed class CardRanges(ICardStore store, KeyRing keys, IAuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;
    private long _generation;

    private sealed record Snapshot(IReadOnlyList<CardRange> Ranges, DateTimeOffset LoadedAt);

    public async Task<CardRange> CreateAsync(CardRange range, CancellationToken ct)
    {
        await CheckKeysAsync(range.Keys.Filled, ct);
        await store.AddRangeAsync(range, ct);
        Forget();
        return range;
    }

    /// <summary>
    /// Changes range <paramref name="id"/> to what <paramref name="change"/> makes of the stored range (its id, prefix,
    /// network and creation time stay), checks the slots it fills anew as creation does, and audits the change.
    /// </summary>
    public async Task<CardRange> UpdateAsync(Guid id, Func<CardRange, CardRange> change, string client, CancellationToken ct)
    {
        var changes = "";
        var updated = await store.UpdateRangeAsync(id, async current =>
        {
            var next = change(current);
            if (next.Id != current.Id || next.PanPrefix != current.PanPrefix || next.Network != current.Network || next.CreatedAt != current.CreatedAt)
            {
                throw new InvalidOperationException("A card range keeps its id, prefix, network and creation time.");
            }
            await CheckKeysAsync(next.Keys.Filled.Where(k => current.Keys[k.Slot] != k.Alias), ct);
            changes = Changes(current, next);
            return next;
        }, ct) ?? throw new NotFoundException($"No card range with id {id}.");
        Forget();
        await audit.WriteChangedAsync(clock, client, "card-range.update", $"{updated.PanPrefix}: {changes}", ct);
        return updated;
    }

    public async Task<IReadOnlyList<CardRange>> ListAsync(CancellationToken ct) => (await LoadAsync(ct)).Ranges;

    /// <summary>Retires an issuer key that no card range uses; a key in use is a conflict naming each range prefix and slot that holds it.</summary>
    public async Task<StoredKey> RetireKeyAsync(string alias, string client, CancellationToken ct)
    {
        await keys.IssuerKeyAsync(alias, ct);
        var users = (await store.ListRangesAsync(ct))
            .SelectMany(r => r.Keys.Filled.Where(k => k.Alias == alias).Select(k => $"range {r.PanPrefix} slot {k.Slot}"))
            .ToList();
        return users.Count > 0
            ? throw new ConflictException($"Key '{alias}' is in use ({string.Join(", ", users)}): empty or change those slots first.")
            : await keys.RetireAsync(alias, client, ct);
    }

    /// <summary>The range with the longest prefix of the PAN, or <see cref="CannotServeException"/>.</summary>
    public async Task<CardRange> ForAsync(Pan pan, CancellationToken ct)
    {
        var match = (await LoadAsync(ct)).Ranges
            .Where(r => pan.Digits.StartsWith(r.PanPrefix, StringComparison.Ordinal))
            .MaxBy(r => r.PanPrefix.Length);
        return match ?? throw new CannotServeException("no-card-range", "No card range",
            $"No card range is configured for {pan.Masked}.");
    }

    /// <summary>Each slot's key must exist, be active and have the slot's usage; a failure names the field <c>keys.&lt;slot&gt;</c>.</summary>
    private async Task CheckKeysAsync(IEnumerable<(KeySlot Slot, string Alias)> slots, CancellationToken ct)
    {
        foreach (var (slot, alias) in slots)
        {
            var key = await keys.FindAsync(alias, ct) ?? throw new InvalidFieldException($"keys.{slot}", $"No key with alias '{alias}'.");
            if (key.Usage != slot.Usage)
            {
                throw new InvalidFieldException($"keys.{slot}", $"Key '{alias}' is not a {slot} key: its usage is for another slot.");
            }
            if (key.Status != KeyStatus.Active)
            {
                throw new InvalidFieldException($"keys.{slot}", $"Key '{alias}' is retired.");
            }
        }
    }

    /// <summary>What a change changed, for the audit record: <c>keys.cvv2 lockout</c>.</summary>
    private static string Changes(CardRange before, CardRange after)
    {
        var changed = KeySlot.All.Where(s => before.Keys[s] != after.Keys[s]).Select(s => $"keys.{s}").ToList();
        if (before.Dcvv2 != after.Dcvv2)
        {
            changed.Add("dcvv2");
        }
        if (before.Cvv2ExpiryFormat != after.Cvv2ExpiryFormat)
        {
            changed.Add("cvv2ExpiryFormat");
        }
        if (before.Lockout != after.Lockout)
        {
            changed.Add("lockout");
        }
        if (before.ThreeDs != after.ThreeDs)
        {
            changed.Add("threeDs");
        }
        if (before.Cvc3Digits != after.Cvc3Digits)
        {
            changed.Add("cvc3Digits");
        }
        if (before.GenerateForUnregisteredCards != after.GenerateForUnregisteredCards)
        {
            changed.Add("generateForUnregisteredCards");
        }
        if (before.TokenVerification != after.TokenVerification)
        {
            changed.Add("tokenVerification");
        }
        if (before.IccDerivation != after.IccDerivation)
        {
            changed.Add("iccDerivation");
        }
        return changed.Count == 0 ? "no change" : string.Join(' ', changed);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt > CacheLifetime)
        {
            var generation = Interlocked.Read(ref _generation);
            snapshot = new Snapshot(await store.ListRangesAsync(ct), clock.GetUtcNow());
            _snapshot = snapshot;
            if (Interlocked.Read(ref _generation) != generation)
            {
                _snapshot = null; // read while a change was made: it may predate the change
            }
        }
        return snapshot;
    }

    /// <summary>After a change through this replica: the next lookup reads the store.</summary>
    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }
}
