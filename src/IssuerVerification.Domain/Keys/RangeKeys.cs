
namespace IssuerVerification.Domain.Keys;

/// <summary>The alias of the key in each slot of a card range; a slot may be empty.</summary>
public sealed class RangeKeys(IReadOnlyDictionary<KeySlot, string> aliases)
{
    public static readonly RangeKeys None = new(new Dictionary<KeySlot, string>());

    /// <summary>The alias in <paramref name="slot"/>, or null when the slot is empty.</summary>
    public string? this[KeySlot slot] => aliases.GetValueOrDefault(slot);

    /// <summary>The filled slots, in the order of <see cref="KeySlot.All"/>.</summary>
    public IEnumerable<(KeySlot Slot, string Alias)> Filled =>
        KeySlot.All.Where(aliases.ContainsKey).Select(s => (s, aliases[s]));
}
