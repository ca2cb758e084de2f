using System.Text.Json;

namespace IssuerVerification.Testing;

/// <summary>
/// The test vectors, tests/IssuerVerification.Crypto.Tests/Vectors/card-verification-vectors.json (see the README beside it),
/// copied to the output directory of every project that references this one.
/// </summary>
public static class VectorFile
{
    private static readonly Lazy<JsonElement[]> Elements = new(Load);

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Vectors", "card-verification-vectors.json");

    public static IReadOnlyList<JsonElement> All => Elements.Value;

    /// <summary>The vectors of these algorithms, in file order.</summary>
    public static IEnumerable<JsonElement> Of(params string[] algorithms) =>
        All.Where(v => algorithms.Contains(v.GetProperty("algorithm").GetString()));

    public static JsonElement ById(string id) => All.Single(v => v.GetProperty("id").GetString() == id);

    private static JsonElement[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
    }
}
