using System.Text.Json;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>
/// The test vectors file, Vectors/card-verification-vectors.json in this project (see Vectors/README.md),
/// copied to the test output directory by the build.
/// </summary>
internal static class VectorFile
{
    private static readonly Lazy<JsonElement[]> Elements = new(Load);

    public static IReadOnlyList<JsonElement> All => Elements.Value;

    public static TestVector Get(string id) => new(All.Single(v => v.GetProperty("id").GetString() == id));

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Vectors", "card-verification-vectors.json");

    private static JsonElement[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
    }
}
