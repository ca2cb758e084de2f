namespace IssuerVerification.Testing;

/// <summary>The checkout the tests run from: the nearest folder above the test output that holds IssuerVerification.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path inside the repository, e.g. <c>Combine("docs", "openapi", "v1.json")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IssuerVerification.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No IssuerVerification.sln above {AppContext.BaseDirectory}.");
    }
}
