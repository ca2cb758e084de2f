using System.Net.Http.Json;
using System.Text.Json;
using IssuerVerification.Api.Json;
using IssuerVerification.Domain.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IssuerVerification.Api.Tests.Infrastructure;

/// <summary>The real service on a real store (a fresh database), with a fake clock and captured logs.</summary>
public sealed class TestApi : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghij";
    public const string MasterKey = "8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0";
    /// <summary>The address every test request comes from (the test server sets none; Kestrel always does).</summary>
    public static readonly System.Net.IPAddress Source = System.Net.IPAddress.Parse("192.0.2.10");

    private readonly Dictionary<string, string?> _settings;
    private readonly Func<Task> _drop;
    private readonly Action<IServiceCollection>? _services;

    private TestApi(string store, string provider, string connectionString, Func<Task> drop, IDictionary<string, string?>? settings,
        Action<IServiceCollection>? services)
    {
        Store = store;
        _services = services;
        ConnectionString = connectionString;
        _drop = drop;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:IssuerVerification"] = connectionString,
            ["Crypto:MasterKey"] = MasterKey,
            ["Bootstrap:AdminApiKey"] = AdminKey,
            ["Demo:Seed"] = "false",
            ["Swagger:Enabled"] = "true",
            ["Keys:AllowSingleRequestImport"] = "true",
            ["RateLimiting:PermitsPerSecond"] = "100000",
            ["RateLimiting:Burst"] = "100000",
        };
        if (TestTokens.ApiUsesPkcs11)
        {
            UseToken(_settings, TestTokens.Shared);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>Settings for the PKCS#11 provider on <paramref name="token"/> (IV_TEST_CRYPTO_PROVIDER=Pkcs11 uses the shared test token).</summary>
    public static IDictionary<string, string?> UseToken(IDictionary<string, string?> settings, TestToken token)
    {
        settings["Crypto:Provider"] = "Pkcs11";
        settings["Crypto:Pkcs11:ModulePath"] = token.ModulePath;
        settings["Crypto:Pkcs11:TokenLabel"] = token.Label;
        settings["Crypto:Pkcs11:UserPin"] = token.Pin;
        return settings;
    }

    public string Store { get; }
    public string ConnectionString { get; }
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    public LogCapture Logs { get; } = new();

    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>
    /// Runs <paramref name="run"/> on two replicas of the service sharing one fresh database of this store (each with its own
    /// caches), both started with <paramref name="settings"/> and <paramref name="services"/> too; the database is dropped afterwards.
    /// </summary>
    public static async Task WithReplicasAsync(string store, Func<TestApi, TestApi, Task> run, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        var shared = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:IssuerVerification"] = connectionString,
        };
        try
        {
            await using var a = await StartAsync(store, shared, services: services);
            await using var b = await StartAsync(store, shared, services: services);
            await run(a, b);
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>
    /// Starts the service on a test server, or with <paramref name="kestrelPort"/> on Kestrel at 127.0.0.1 (for a real browser);
    /// <paramref name="services"/> changes its services after the service's own registrations.
    /// </summary>
    public static async Task<TestApi> StartAsync(string store, IDictionary<string, string?>? settings = null, int? kestrelPort = null,
        Action<IServiceCollection>? services = null)
    {
        // A test that manages its own database (to restart the service on it) passes its connection string.
        var (provider, connectionString, drop) = settings?.TryGetValue("ConnectionStrings:IssuerVerification", out var own) == true
            ? (settings["Storage:Provider"]!, own!, () => Task.CompletedTask)
            : await TestStores.CreateAsync(store);
        var api = new TestApi(store, provider, connectionString, drop, settings, services);
        if (kestrelPort is { } port)
        {
            api.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        }
        api.StartServer(); // start now: migrations and bootstrap run here
        await api.GrantAdminValueScopesAsync();
        return api;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, SourceAddress>();
            _services?.Invoke(services);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>
    /// Most tests generate values with the admin key: the bootstrap admin gets the value-generating scopes explicitly
    /// (admin alone does not imply them). A revoked or changed bootstrap admin is left as it is.
    /// </summary>
    private async Task GrantAdminValueScopesAsync()
    {
        var clients = Services.GetRequiredService<IClientStore>();
        if (await clients.FindByNameAsync("bootstrap-admin", default) is { RevokedAt: null } admin && admin.Scopes.SequenceEqual([Scopes.Admin]))
        {
            await clients.UpdateAsync(new ApiClient
            {
                Id = admin.Id,
                Name = admin.Name,
                KeyHash = admin.KeyHash,
                CreatedAt = admin.CreatedAt,
                Scopes = [Scopes.Admin, .. Scopes.ValueGenerating],
            }, default);
        }
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (the bootstrap admin key by default).</summary>
    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    /// <summary>Creates a client with these scopes and returns an HttpClient that uses its key.</summary>
    public async Task<HttpClient> ClientWithScopesAsync(params string[] scopes)
    {
        var response = await Client().PostAsJsonAsync("/v1/admin/clients", new { name = "client-" + Guid.NewGuid().ToString("N"), scopes }, Json);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return Client(body.GetProperty("apiKey").GetString());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _drop();
    }

    private sealed class SourceAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress ??= Source;
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
