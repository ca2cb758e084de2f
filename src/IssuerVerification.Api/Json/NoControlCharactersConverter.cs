using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Api.Json;

/// <summary>
/// Every string the API reads, including dictionary keys, is refused if it holds a control character
/// (U+0000–U+001F, U+007F): no field is free text meant to hold one, and a NUL breaks PostgreSQL text.
/// Registered once in <see cref="JsonSetup"/>, so a new endpoint cannot forget it.
/// </summary>
internal sealed class NoControlCharactersConverter : JsonConverter<string>
{
    public const string Message = "Control characters are not allowed.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    public static bool HasControlCharacter(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\u0000', '\u001F') >= 0 || text.Contains('\u007F');

    private static string? Checked(string? value) => value is not null && HasControlCharacter(value) ? throw new JsonFieldException(Message) : value;
}
