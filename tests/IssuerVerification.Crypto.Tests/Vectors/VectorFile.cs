using System.Text.Json;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>The shared vectors file, found beside the repository: &lt;root&gt;/../shared/vectors.</summary>
internal static class VectorFile
{
    private static readonly Lazy<JsonElement[]> Elements = new(Load);

    public static IReadOnlyList<JsonElement> All => Elements.Value;

    public static TestVector Get(string id) => new(All.Single(v => v.GetProperty("id").GetString() == id));

    public static string Path => System.IO.Path.Combine(RepositoryRoot(), "..", "shared", "vectors", "card-verification-vectors.json");

    private static JsonElement[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "IssuerVerification.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("IssuerVerification.sln not found above " + AppContext.BaseDirectory);
    }
}
