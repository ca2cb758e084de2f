using System.Text.Json;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>
/// The test vectors (tests/IssuerVerification.Crypto.Tests/Vectors/card-verification-vectors.json), linked into
/// this project and copied to the test output directory by the build.
/// </summary>
public static class Vectors
{
    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "card-verification-vectors.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToArray();
    });

    public static IEnumerable<JsonElement> Of(params string[] algorithms) =>
        All.Value.Where(v => algorithms.Contains(v.GetProperty("algorithm").GetString()));

    public static JsonElement ById(string id) => All.Value.Single(v => v.GetProperty("id").GetString() == id);

    public static string Input(this JsonElement vector, string name) => vector.GetProperty("inputs").GetProperty(name).ToString();

    public static string? OptionalInput(this JsonElement vector, string name) =>
        vector.GetProperty("inputs").TryGetProperty(name, out var v) ? v.ToString() : null;

    public static string? Expected(this JsonElement vector, string name) =>
        vector.GetProperty("expected").TryGetProperty(name, out var v) ? v.ToString() : null;
}
