using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IssuerVerification.Client.Tests;

/// <summary>The real service on a fresh SQLite file with the demo data (README), reached through the generated client.</summary>
public sealed class DemoServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "client-tests-admin-key-0123456789";
    /// <summary>The demo data's client that generates and verifies values (the admin key does not generate them).</summary>
    public const string DemoClientKey = "demo-client-key";
    private readonly string _directory = Directory.CreateTempSubdirectory("iv-client-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // Demo:Seed runs only there
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:IssuerVerification", $"Data Source={Path.Combine(_directory, "iv.db")}");
        builder.UseSetting("Crypto:MasterKey", "8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0");
        builder.UseSetting("Bootstrap:AdminApiKey", AdminKey);
        builder.UseSetting("Demo:Seed", "true");
    }

    /// <summary>The generated client over an HttpClient that sends <paramref name="apiKey"/> (none when null).</summary>
    public IssuerVerificationClient Client(string? apiKey = AdminKey)
    {
        var http = CreateClient();
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return new IssuerVerificationClient(http);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
