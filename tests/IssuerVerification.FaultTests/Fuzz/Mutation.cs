using System.Text.Json.Nodes;

namespace IssuerVerification.FaultTests.Fuzz;

public enum MutationKind
{
    WrongType,
    Number,
    Unicode,
    ControlCharacter,
    RawControlCharacter,
    Duplicate,
    RenameCase,
    Remove,
    AddUnknown,
}

/// <summary>
/// One change to a valid body. <see cref="Target"/> picks the value (any property or array element, nested ones too),
/// <see cref="Variant"/> what is put there. Values JSON text cannot hold in a node (1e309, raw control characters,
/// duplicate names) go in as placeholders that <see cref="Mutations.Render"/> replaces in the text.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Target, int Variant)
{
    private static readonly Func<JsonNode?>[] OtherTypes =
    [
        () => null, () => 0, () => -1, () => 1.5, () => true, () => false, () => "", () => "x",
        () => new JsonArray(), () => new JsonArray(1, 2), () => new JsonObject(), () => new JsonObject { ["a"] = 1 },
    ];

    private static readonly string[] Numbers =
    [
        "1e309", "-1e309", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "99999999999999999999999999999999",
        "-1", "-0", "0.5", "1e-400", "1E2", "-24", "25", "0",
    ];

    private static readonly string[] UnicodeStrings =
    [
        "١٢٣", "１２３", "٣٠١٢", "５３９２６９２００２９０２６８１", "é", "😀", "\uFEFF123", "12\u200B3", "ǅ", "İ", "a\u0301", "\u202E321",
        "\uD800", "ß", "ＣＶＫ", "日本", new string('9', 5000),
    ];

    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 0x20).Select(i => (char)i), '\u007F'];

    public void Apply(JsonObject body, List<string> raw)
    {
        var slots = Mutations.Slots(body);
        var (parent, name, index) = slots[Target % slots.Count];
        var current = name is not null ? parent[name] : parent[index];
        switch (Kind)
        {
            case MutationKind.WrongType:
                Set(parent, name, index, OtherTypes[Variant % OtherTypes.Length]());
                break;
            case MutationKind.Number:
                Set(parent, name, index, Placeholder(raw, Numbers[Variant % Numbers.Length]));
                break;
            case MutationKind.Unicode:
                Set(parent, name, index, UnicodeStrings[Variant % UnicodeStrings.Length]);
                break;
            case MutationKind.ControlCharacter:
                Set(parent, name, index, Insert(current, ControlCharacters[Variant % ControlCharacters.Length].ToString()));
                break;
            case MutationKind.RawControlCharacter:
                // Unescaped inside the JSON string: not valid JSON.
                var c = ControlCharacters[Variant % ControlCharacters.Length];
                Set(parent, name, index, Placeholder(raw, "\"" + Insert(current, c.ToString()) + "\""));
                break;
            case MutationKind.Duplicate:
                if (name is not null)
                {
                    // {"pan":"…","pan":"…"}: the name again, first with another value, then with the original.
                    var other = Variant % 2 == 0 ? "\"" + Insert(current, "1") + "\"" : "null";
                    var node = parent.AsObject();
                    var value = node[name]?.DeepClone();
                    node.Remove(name);
                    node[Mutations.DuplicateMarker + raw.Count] = value;
                    raw.Add($"\"{name}\":{other},\"{name}\"");
                }
                break;
            case MutationKind.RenameCase:
                if (name is not null)
                {
                    var renamed = (Variant % 3) switch { 0 => name.ToUpperInvariant(), 1 => char.ToUpperInvariant(name[0]) + name[1..], _ => name.ToLowerInvariant() + "_" };
                    var node = parent.AsObject();
                    var value = node[name]?.DeepClone();
                    node.Remove(name);
                    node[renamed] = value;
                }
                break;
            case MutationKind.Remove:
                if (name is not null)
                {
                    parent.AsObject().Remove(name);
                }
                else
                {
                    parent.AsArray().RemoveAt(index);
                }
                break;
            case MutationKind.AddUnknown:
                body["unexpected" + Variant % 3] = OtherTypes[Variant % OtherTypes.Length]();
                break;
        }
    }

    private static string Insert(JsonNode? current, string text)
    {
        var s = current is JsonValue v && v.TryGetValue<string>(out var str) ? str : "539269";
        var at = s.Length / 2;
        return s[..at] + text + s[at..];
    }

    private static string Placeholder(List<string> raw, string text)
    {
        raw.Add(text);
        return Mutations.RawMarker + (raw.Count - 1);
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }
}
