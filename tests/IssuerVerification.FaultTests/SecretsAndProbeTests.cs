using IssuerVerification.FaultTests.Infrastructure;

namespace IssuerVerification.FaultTests;

/// <summary>How the container runs the built API: its secrets as files, and its health check by the service itself.</summary>
public sealed class SecretsAndProbeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Secrets_are_read_from_files_and_the_probe_answers_for_readiness()
    {
        var secrets = Directory.CreateTempSubdirectory("iv-secrets.").FullName;
        try
        {
            // As compose mounts them: one file per setting, named with __ for :, ending with a newline.
            await File.WriteAllTextAsync(Path.Combine(secrets, "Crypto__MasterKey"), ApiProcess.MasterKey + "\n");
            await File.WriteAllTextAsync(Path.Combine(secrets, "Bootstrap__AdminApiKey"), ApiProcess.AdminKey);
            var settings = new Dictionary<string, string> { ["SecretsDirectory"] = secrets, ["Crypto:MasterKey"] = "", ["Bootstrap:AdminApiKey"] = "" };
            int port;
            await using (var api = await ApiProcess.StartAsync(await fixture.CreateDatabaseAsync(Stores.Sqlite), settings))
            {
                using var client = api.Client(); // the admin key from the file
                await (await client.GetAsync("/v1/admin/keys")).ReadJsonAsync();
                port = api.BaseAddress.Port;
                Assert.Equal(0, await ProbeAsync(port));
            }
            Assert.Equal(1, await ProbeAsync(port));
        }
        finally
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    /// <summary>The Dockerfile's HEALTHCHECK command, with the container's port variable.</summary>
    private static async Task<int> ProbeAsync(int port)
    {
        var (code, _) = await Command.RunAsync("env", [$"ASPNETCORE_HTTP_PORTS={port}", "dotnet", Repository.ApiDll, "--health-check"], TimeSpan.FromSeconds(30));
        return code;
    }
}
