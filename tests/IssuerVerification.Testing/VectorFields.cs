using System.Text.Json;

namespace IssuerVerification.Testing;

/// <summary>A vector's inputs and expected values as text.</summary>
public static class VectorFields
{
    public static string Input(this JsonElement vector, string name) => vector.GetProperty("inputs").GetProperty(name).ToString();

    public static string? OptionalInput(this JsonElement vector, string name) =>
        vector.GetProperty("inputs").TryGetProperty(name, out var v) ? v.ToString() : null;

    public static string? Expected(this JsonElement vector, string name) =>
        vector.GetProperty("expected").TryGetProperty(name, out var v) ? v.ToString() : null;
}
