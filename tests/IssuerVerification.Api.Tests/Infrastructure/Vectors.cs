using System.Text.Json;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>The shared test vectors (../shared/vectors/card-verification-vectors.json beside the repository).</summary>
public static class Vectors
{
    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IssuerVerification.sln")))
        {
            root = root.Parent;
        }
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."), "..", "shared", "vectors", "card-verification-vectors.json");
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
