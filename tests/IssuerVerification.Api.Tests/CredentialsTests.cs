using System.Net;
using System.Net.Http.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>Credentials: the bootstrap admin, admin key strength, value-generating scopes, the fallback policy, the demo client.</summary>
public sealed class CredentialsTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task Admin_alone_does_not_generate_values_the_value_scopes_must_be_granted(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.RangeAsync("455502", new Dictionary<string, string?> { ["cvv2"] = null, ["dcvv2"] = null });
        var pan = TestPans.Random("455502");
        await api.RegisterCardAsync(pan);
        var cvv = new { pan, expiry = "3012", kind = "cvv2" };
        var dcvv2 = new { pan, count = 1 };

        var admin = await api.ClientWithScopesAsync("admin");
        await (await admin.PostJsonAsync("/v1/cvv/generate", cvv)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostJsonAsync("/v1/dcvv2/generate", dcvv2)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/v1/admin/clients")).ReadJsonAsync(); // admin still does everything else

        var both = await api.ClientWithScopesAsync("admin", "card:generate", "dcvv2:generate");
        await (await both.PostJsonAsync("/v1/cvv/generate", cvv)).ReadJsonAsync();
        await (await both.PostJsonAsync("/v1/dcvv2/generate", dcvv2)).ReadJsonAsync();
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_bootstrap_admin_is_created_once_and_reset_only_when_asked(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        Dictionary<string, string?> Settings(bool reset = false) => new()
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:IssuerVerification"] = connectionString,
            ["Bootstrap:ResetAdmin"] = reset ? "true" : "false",
        };
        try
        {
            await using (var first = await TestApi.StartAsync(store, Settings()))
            {
                var other = await CreateClientAsync(first, "second-admin", "admin");
                var clients = await (await first.Client().GetAsync("/v1/admin/clients")).ReadJsonAsync();
                var bootstrapId = clients.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "bootstrap-admin").GetProperty("id").GetString();
                await (await first.Client(other).PostAsync($"/v1/admin/clients/{bootstrapId}/revoke", null)).ReadJsonAsync();
            }
            await using (var restarted = await TestApi.StartAsync(store, Settings()))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.Client().GetAsync("/v1/admin/clients")).StatusCode);
            }
            await using var reset = await TestApi.StartAsync(store, Settings(reset: true));
            await (await reset.Client().GetAsync("/v1/admin/clients")).ReadJsonAsync();
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task An_endpoint_mapped_without_RequireScope_is_not_open()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        await using var probing = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ProbeEndpoint>()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await probing.CreateClient().GetAsync("/v1/probe")).StatusCode);
        var client = probing.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApi.AdminKey);
        Assert.Equal("reached", await client.GetStringAsync("/v1/probe"));
        Assert.Equal(HttpStatusCode.OK, (await api.Client(null).GetAsync("/health/live")).StatusCode); // anonymous on purpose
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_demo_seed_creates_a_demo_client_that_generates_values(string store)
    {
        await using var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["environment"] = "Development" });
        var demo = api.Client("demo-client-key");
        var value = (await (await demo.PostJsonAsync("/v1/cvv/generate", new { pan = "4444333322221111", expiry = "3012", kind = "cvv2" })).ReadJsonAsync())
            .GetProperty("value").GetString();
        Assert.Equal(Setup.Match, await demo.VerifyAsync("/v1/cvv/verify", new { pan = "4444333322221111", expiry = "3012", kind = "cvv2", value }));
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.GetAsync("/v1/admin/clients")).StatusCode);
    }

    private static async Task<string> CreateClientAsync(TestApi api, string name, params string[] scopes)
    {
        var response = await api.Client().PostAsJsonAsync("/v1/admin/clients", new { name, scopes }, TestApi.Json);
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("apiKey").GetString()!;
    }

    /// <summary>Maps, in front of the service's own endpoints, one with no authorization metadata at all.</summary>
    private sealed class ProbeEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseEndpoints(e => e.MapGet("/v1/probe", () => "reached"));
            next(app);
        };
    }
}
