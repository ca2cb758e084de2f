using System.Text.Json;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>The served OpenAPI document is the contract: it is compared with docs/openapi/v1.json, so any change is a visible diff.</summary>
public sealed class OpenApiTests
{
    private static readonly string[] ContractPaths =
    [
        "/v1/admin/keys", "/v1/admin/keys/{alias}", "/v1/admin/card-ranges", "/v1/admin/cards", "/v1/admin/cards/{cardId}", "/v1/admin/clients",
        "/v1/admin/clients/{id}/revoke", "/v1/admin/clients/{id}/rotate-key", "/v1/admin/card-ranges/{id}", "/v1/admin/keys/{alias}/retire",
        "/v1/cvv/generate", "/v1/cvv/verify", "/v1/cvc3/generate", "/v1/cvc3/verify", "/v1/dcvv/generate", "/v1/dcvv/verify",
        "/v1/dcvv2/generate", "/v1/dcvv2/verify", "/health/live", "/health/ready",
    ];

    [Fact]
    public async Task Document_describes_the_contract_and_matches_the_committed_copy()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var text = await (await api.Client(apiKey: null).GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        var document = JsonNode.Parse(text)!;

        foreach (var path in ContractPaths)
        {
            Assert.True(document["paths"]![path] is not null, $"{path} is not in the OpenAPI document");
        }
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        var reasons = document["components"]!["schemas"]!["MismatchReason"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Equal(["value_mismatch", "card_locked", "atc_replay", "atc_out_of_range", "window_not_issued", "window_expired", "already_used", "card_inactive"], reasons);
        Assert.Contains("IMK_CVC3", document["components"]!["schemas"]!["KeyUsage"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));

        var snapshot = RepositoryRoot.Combine("docs", "openapi", "v1.json");
        var pretty = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            await File.WriteAllTextAsync(snapshot, pretty);
        }
        Assert.True(File.Exists(snapshot), "docs/openapi/v1.json is missing: run the tests once with UPDATE_OPENAPI_SNAPSHOT=1.");
        Assert.True(pretty == await File.ReadAllTextAsync(snapshot),
            "The OpenAPI document changed. If the change is intended, run the tests with UPDATE_OPENAPI_SNAPSHOT=1 and commit docs/openapi/v1.json.");
    }
}
