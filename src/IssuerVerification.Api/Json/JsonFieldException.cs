using System.Text.Json;

namespace IssuerVerification.Api.Json;

/// <summary>A value our converters refuse; the message is written for the client, the serializer adds the field's path.</summary>
internal sealed class JsonFieldException(string message) : JsonException(message);
