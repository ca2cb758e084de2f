using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Every operation carries what generated clients and Swagger UI need: an operationId, a description, examples of its
/// request and response, its problem responses, and the API-key requirement exactly when it needs a key.
/// </summary>
public sealed class OpenApiMetadataTests
{
    [Fact]
    public async Task Every_operation_is_named_described_and_exemplified()
    {
        var document = await DocumentAsync();
        var ids = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var id = operation["operationId"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(id), $"{name}: no operationId (.WithName)");
            ids.Add(id!);
            Assert.False(string.IsNullOrEmpty(operation["description"]?.GetValue<string>()), $"{name}: no description (.WithDescription)");
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } request)
            {
                Assert.True(Resolve(document, request)?["example"] is not null, $"{name}: the request schema has no example (OpenApiExamples)");
            }
            var responses = operation["responses"]!.AsObject();
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')))
            {
                if (response!["content"]?["application/json"]?["schema"] is { } schema)
                {
                    Assert.True(Resolve(document, schema)?["example"] is not null, $"{name}: the {status} schema has no example (OpenApiExamples)");
                }
            }
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(response!["content"]?["application/problem+json"] is not null, $"{name}: {status} is not a problem");
                Assert.Contains("https://issuer-verification.dev/problems/", response["description"]!.GetValue<string>(), StringComparison.Ordinal);
            }
            Assert.True(responses.ContainsKey("500"), $"{name}: no 500");
            var anonymous = path.StartsWith("/health/", StringComparison.Ordinal) || path == "/.well-known/jwks.json";
            Assert.True(anonymous == operation["security"] is null, $"{name}: the API-key requirement does not match the endpoint's authorization");
            Assert.True(anonymous || responses.ContainsKey("401") && responses.ContainsKey("403"), $"{name}: no 401/403");
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Null(document["security"]);
    }

    [Fact]
    public async Task Readiness_documents_its_503_and_reason_is_nullable()
    {
        var document = await DocumentAsync();
        Assert.NotNull(document["paths"]!["/health/ready"]!["get"]!["responses"]!["503"]);
        foreach (var schema in new[] { "VerifyResponse", "Dcvv2VerifyResponse" })
        {
            var reason = document["components"]!["schemas"]![schema]!["properties"]!["reason"]!;
            Assert.True(reason["nullable"]!.GetValue<bool>());
            Assert.Equal("#/components/schemas/MismatchReason", reason["allOf"]![0]!["$ref"]!.GetValue<string>());
        }
    }

    internal static async Task<JsonNode> DocumentAsync()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        return JsonNode.Parse(await api.Client(apiKey: null).GetStringAsync("/swagger/v1/swagger.json"))!;
    }

    internal static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

    /// <summary>The schema a <c>$ref</c> (or an array of them) points to.</summary>
    internal static JsonNode? Resolve(JsonNode document, JsonNode schema)
    {
        var node = schema["items"] ?? schema;
        return node["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]] : node;
    }
}
