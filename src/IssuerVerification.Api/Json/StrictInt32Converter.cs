using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Json;

/// <summary>An <see cref="int"/> is a JSON number, never a quoted one, so the client learns which field is wrong and why.</summary>
internal sealed class StrictInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType != JsonTokenType.Number ? throw new JsonFieldException(StrictNumbers.ExpectedNumber)
        : reader.TryGetInt32(out var value) ? value : throw new JsonFieldException(StrictNumbers.ExpectedWholeNumber);

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
