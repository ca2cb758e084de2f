using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace IssuerVerification.FaultTests.Fuzz;

/// <summary>A request the fuzz sends: one endpoint's valid body with 1–3 mutations, as the JSON text that goes on the wire.</summary>
public sealed record FuzzCase(Endpoint Endpoint, IReadOnlyList<Mutation> Mutations, string Json)
{
    public override string ToString() =>
        $"{Endpoint.Method} {Endpoint.Path} [{string.Join(", ", Mutations.Select(m => $"{m.Kind}({m.Target},{m.Variant})"))}] " +
        (Json.Length > 300 ? Json[..300] + "…" : Json);
}

/// <summary>An endpoint and a body it accepts (fresh names and PANs each time, so a body that survives validation reaches the store).</summary>
public sealed record Endpoint(HttpMethod Method, string Path, Func<JsonObject> ValidBody)
{
    public override string ToString() => $"{Method} {Path}";
}

public static class Mutations
{
    public const string RawMarker = "\u0001raw:";
    public const string DuplicateMarker = "\u0001dup:";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Arbitrary<FuzzCase> Cases(IReadOnlyList<Endpoint> endpoints)
    {
        // Control characters weigh more, and NUL most: a string that passes validation reaches the store.
        var kinds = Gen.Frequency(Enum.GetValues<MutationKind>()
            .Select(k => (k is MutationKind.ControlCharacter ? 4 : 1, Gen.Constant(k))).ToArray());
        var mutation =
            from kind in kinds
            from target in Gen.Choose(0, 1000)
            from variant in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 1000)))
            select new Mutation(kind, target, variant);
        var cases =
            from endpoint in Gen.Elements(endpoints.ToArray())
            from count in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
            from mutations in mutation.ArrayOf(count)
            from relaxed in Gen.Elements(true, false)
            select Render(endpoint, mutations, relaxed);
        return Arb.From(cases); // no shrinker: a case is one HTTP request, the failing one is reported as it was sent
    }

    /// <summary>Every place a value sits: (parent, property name, null) or (parent array, null, index).</summary>
    public static List<(JsonNode Parent, string? Name, int Index)> Slots(JsonObject body)
    {
        var slots = new List<(JsonNode, string?, int)>();
        void Walk(JsonNode node)
        {
            if (node is JsonObject o)
            {
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name, -1));
                    if (child is not null)
                    {
                        Walk(child);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, null, i));
                    if (a[i] is { } child)
                    {
                        Walk(child);
                    }
                }
            }
        }
        Walk(body);
        if (slots.Count == 0)
        {
            body["pan"] = "";
            slots.Add((body, "pan", -1));
        }
        return slots;
    }

    public static FuzzCase Render(Endpoint endpoint, Mutation[] mutations, bool relaxed)
    {
        var body = endpoint.ValidBody();
        var raw = new List<string>();
        foreach (var mutation in mutations)
        {
            mutation.Apply(body, raw);
        }
        var json = body.ToJsonString(relaxed ? Relaxed : null);
        for (var i = raw.Count - 1; i >= 0; i--)
        {
            json = json.Replace(JsonSerializer.Serialize(RawMarker + i), raw[i], StringComparison.Ordinal)
                .Replace(JsonSerializer.Serialize(DuplicateMarker + i), raw[i], StringComparison.Ordinal);
        }
        return new FuzzCase(endpoint, mutations, json);
    }
}
