using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>One published TR-31 key block: its KBPK, the block and the key inside (see README.md, "TR-31 key blocks").</summary>
public sealed record Tr31Vector(string Id, string Kbpk, string KeyBlock, string Key, string? Kcv, string? KcvAesCmac, string Source)
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static IReadOnlyList<Tr31Vector> All { get; } = JsonSerializer.Deserialize<Tr31Vector[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "tr31-key-blocks.json")), Strict)!;

    public override string ToString() => Id;

    public static TheoryData<Tr31Vector> Where(Func<Tr31Vector, bool> filter) => [.. All.Where(filter)];
}
