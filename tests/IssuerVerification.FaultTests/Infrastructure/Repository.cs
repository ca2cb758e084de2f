using System.Reflection;

namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>Where the built API is: the repository root holds IssuerVerification.sln, the API is built in this assembly's configuration.</summary>
public static class Repository
{
    public static string Root => RepositoryRoot.Path;

    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ApiDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "IssuerVerification.Api", "bin", Configuration, "net10.0", "IssuerVerification.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The API is not built at {path}: run dotnet build (or dotnet test) at the repository root.");
        }
    }
}
