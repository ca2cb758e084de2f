using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Json;

/// <summary>Writes timestamps in UTC with a Z (<c>2026-11-21T10:00:00Z</c>), as the API contract says; reads any ISO 8601 offset.</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
