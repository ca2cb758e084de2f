using System.Text.Json;
using System.Text.Json.Serialization;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Api.Json;

public static class JsonSetup
{
    /// <summary>
    /// camelCase, enums as snake_case strings (unless a member names itself), unknown enum values refused.
    /// Strict reading, because a gateway or WAF in front of us must see the request we act on: names match exactly,
    /// a name given twice, a name we do not know, a number in quotes and a control character in a string are all 400.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The web defaults (minimal APIs) are lenient: case-insensitive names and numbers from strings.
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new NoControlCharactersConverter());
        options.Converters.Add(new StrictInt32Converter());
        options.Converters.Add(new StrictInt64Converter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        // Key usages as the industry writes them (IMK_CVC3); every other enum in snake_case.
        options.Converters.Add(new JsonStringEnumConverter<KeyUsage>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }
}
