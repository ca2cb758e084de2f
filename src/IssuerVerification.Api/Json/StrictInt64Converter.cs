using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Json;

/// <summary>A <see cref="long"/> is a JSON number, never a quoted one.</summary>
internal sealed class StrictInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType != JsonTokenType.Number ? throw new JsonFieldException(StrictNumbers.ExpectedNumber)
        : reader.TryGetInt64(out var value) ? value : throw new JsonFieldException(StrictNumbers.ExpectedWholeNumber);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
