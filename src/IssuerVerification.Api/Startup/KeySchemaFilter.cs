using System.Text.Json.Nodes;
using IssuerVerification.Api.Admin;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IssuerVerification.Api.Startup;

/// <summary>The key schemas come from the domain's tables: the usages an issuer key can have, and the key slots of a range.</summary>
internal sealed class KeySchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema editable)
        {
            return;
        }
        // The component schema only: a property that refers to it keeps a plain reference, so generated clients
        // use the one string enum (an enum repeated on the property made NSwag write an inline enum sent as a number).
        if (context.Type == typeof(KeyUsage) && context.MemberInfo is null)
        {
            editable.Enum = [.. KeyUsages.IssuerKeys.Select(u => (JsonNode)JsonValue.Create(UsageName(u)))];
            editable.Description = "What a key is for.";
        }
        else if (context.Type == typeof(RangeKeysDto))
        {
            editable.AdditionalProperties = null;
            editable.AdditionalPropertiesAllowed = false;
            editable.Properties = KeySlot.All.ToDictionary(s => s.Name,
                s => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = $"Alias of a key with usage {UsageName(s.Usage)}." });
            editable.Description = "Key aliases per verification slot.";
        }
    }

    private static string UsageName(KeyUsage usage) => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(usage.ToString());
}
