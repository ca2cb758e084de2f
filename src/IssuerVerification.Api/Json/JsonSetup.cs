using System.Text.Json;
using System.Text.Json.Serialization;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Json;

public static class JsonSetup
{
    /// <summary>camelCase, enums as snake_case strings (unless a member names itself), unknown enum values refused.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        // Key usages as the industry writes them (IMK_CVC3); every other enum in snake_case.
        options.Converters.Add(new JsonStringEnumConverter<KeyUsage>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }
}
