using System.Text.Json;
using IssuerVerification.Domain.Keys;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IssuerVerification.Store.Configurations;

/// <summary>A range's key slots as one JSON object, slot name → alias: a new slot needs no migration.</summary>
internal sealed class RangeKeysConverter() : ValueConverter<RangeKeys, string>(keys => ToJson(keys), json => FromJson(json))
{
    public static readonly ValueComparer<RangeKeys> Comparer = new(
        (a, b) => ToJson(a!) == ToJson(b!), keys => ToJson(keys).GetHashCode(StringComparison.Ordinal), keys => FromJson(ToJson(keys)));

    private static string ToJson(RangeKeys keys) =>
        JsonSerializer.Serialize(keys.Filled.ToDictionary(f => f.Slot.Name, f => f.Alias));

    private static RangeKeys FromJson(string json) => new(
        JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToDictionary(p => KeySlot.Find(p.Key)
            ?? throw new InvalidOperationException($"Stored card range names an unknown key slot '{p.Key}'."), p => p.Value));
}
