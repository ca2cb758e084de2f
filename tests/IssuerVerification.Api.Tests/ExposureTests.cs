using System.Net;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>What the service exposes outside Development: no Swagger unless asked, no demo data, no cache an attacker can empty.</summary>
public sealed class ExposureTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Fact]
    public async Task Outside_development_swagger_is_off_unless_enabled_and_the_ui_never_persists_the_key()
    {
        await using (var off = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?> { ["Swagger:Enabled"] = null }))
        {
            Assert.NotEqual(HttpStatusCode.OK, (await off.Client(null).GetAsync("/swagger/v1/swagger.json")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await off.Client(null).GetAsync("/swagger/index.html")).StatusCode);
        }
        await using var on = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?> { ["Swagger:Enabled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await on.Client(null).GetAsync("/swagger/v1/swagger.json")).StatusCode);
        var ui = await on.Client(null).GetStringAsync("/swagger/index.html") + await on.Client(null).GetStringAsync("/swagger/index.js");
        Assert.Contains("\"persistAuthorization\":false", ui.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_flood_of_unknown_keys_does_not_evict_known_clients_from_the_lookup_cache(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var counting = new CountingClientStore(api.Services.GetRequiredService<IClientStore>());
        var directory = new ClientDirectory(counting, api.Services.GetRequiredService<SecretHasher>(),
            api.Services.GetRequiredService<IAuditLog>(), api.Clock);

        Assert.NotNull(await directory.AuthenticateAsync(TestApi.AdminKey, default));
        var lookups = counting.Lookups;
        for (var i = 0; i <= ClientDirectory.MaxUnknownKeys; i++)
        {
            await directory.AuthenticateAsync("made-up-key-" + i, default);
        }
        Assert.True(counting.Lookups - lookups > ClientDirectory.MaxUnknownKeys); // each unknown key was looked up

        lookups = counting.Lookups;
        Assert.NotNull(await directory.AuthenticateAsync(TestApi.AdminKey, default));
        Assert.Null(await directory.AuthenticateAsync("made-up-key-" + ClientDirectory.MaxUnknownKeys, default)); // recent: cached
        Assert.Equal(lookups, counting.Lookups);
        Assert.Null(await directory.AuthenticateAsync("made-up-key-0", default)); // the least recently tried was evicted
        Assert.True(counting.Lookups > lookups);
    }

    /// <summary>The real store, counting key lookups.</summary>
    private sealed class CountingClientStore(IClientStore inner) : IClientStore
    {
        private int _lookups;
        public int Lookups => _lookups;

        public Task<ApiClient?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct)
        {
            Interlocked.Increment(ref _lookups);
            return inner.FindByKeyHashAsync(keyHash, ct);
        }

        public Task<ApiClient?> FindByNameAsync(string name, CancellationToken ct) => inner.FindByNameAsync(name, ct);
        public Task<ApiClient?> FindAsync(Guid id, CancellationToken ct) => inner.FindAsync(id, ct);
        public Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);
        public Task AddAsync(ApiClient client, CancellationToken ct) => inner.AddAsync(client, ct);
        public Task UpdateAsync(ApiClient client, CancellationToken ct) => inner.UpdateAsync(client, ct);
        public Task<ApiClient?> RevokeAsync(Guid id, DateTime at, CancellationToken ct) => inner.RevokeAsync(id, at, ct);
        public Task<bool> ReplaceKeyAsync(Guid id, byte[] currentHash, byte[] newHash, byte[]? previousHash, DateTime? previousExpiresAt, CancellationToken ct) =>
            inner.ReplaceKeyAsync(id, currentHash, newHash, previousHash, previousExpiresAt, ct);
    }
}
