using System.Text;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// Each POST/PATCH sent with the body Swagger UI derives from its schema ("string", 0, true, the first enum value, …;
/// explicit examples ignored) answers a 4xx problem, never a 5xx.
/// </summary>
public sealed class SwaggerDefaultBodyTests
{
    private const string Uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    /// <summary>
    /// Known to answer 500 today: two validation errors for one field (both pan and cardId given) make ValidationFilter
    /// throw. Its fix is under way on another branch; when it lands this test fails until the entry is removed.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task Default_bodies_get_a_problem_never_a_server_error(string store)
    {
        var document = await OpenApiMetadataTests.DocumentAsync();
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        var sent = 0;
        foreach (var (path, method, operation) in OpenApiMetadataTests.Operations(document).Where(o => o.Method is "post" or "patch"))
        {
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
            {
                continue;
            }
            var body = Sample(document, schema)!.ToJsonString();
            var url = path.Replace("{cardId}", Uuid, StringComparison.Ordinal).Replace("{alias}", "string", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            sent++;
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.True(status is >= 400 and < 500, $"{name} with {body}: {status} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.True(sent >= 13, $"only {sent} bodies sent");
    }

    public static TheoryData<string> Stores => TestStores.All;

    /// <summary>Swagger UI's sample for a schema: its placeholder per type, first enum value, one array item.</summary>
    private static JsonNode? Sample(JsonNode document, JsonNode schema)
    {
        if (schema["$ref"] is not null)
        {
            return Sample(document, OpenApiMetadataTests.Resolve(document, schema)!);
        }
        if (schema["allOf"] is JsonArray all)
        {
            return Sample(document, all[0]!);
        }
        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }
        return schema["type"]?.GetValue<string>() switch
        {
            "string" => schema["format"]?.GetValue<string>() switch
            {
                "uuid" => Uuid,
                "date-time" => DateTimeOffset.UtcNow.ToString("O"),
                _ => "string",
            },
            "integer" or "number" => 0,
            "boolean" => true,
            "array" => new JsonArray(Sample(document, schema["items"]!)),
            _ => new JsonObject((schema["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Sample(document, p.Value!)))),
        };
    }
}
