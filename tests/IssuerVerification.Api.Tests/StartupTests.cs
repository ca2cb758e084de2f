using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Outside_development_the_service_refuses_to_start_without_a_master_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?> { ["Crypto:Provider"] = "Software", ["Crypto:MasterKey"] = null });
        });
        Assert.Contains("Crypto:MasterKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_master_key_that_is_not_32_bytes_of_hex_is_refused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var api = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?> { ["Crypto:Provider"] = "Software", ["Crypto:MasterKey"] = "00112233" });
        });
        Assert.Contains("64 hex characters", error.ToString(), StringComparison.Ordinal);
    }
}
