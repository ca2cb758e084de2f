using System.Globalization;
using System.Text.Json;
using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Crypto.Tests.Vectors;

/// <summary>
/// One vector. Every input read and every expected value checked is recorded, so a vector with an
/// input or expected key that no check knows fails instead of passing silently.
/// </summary>
internal sealed class TestVector(JsonElement element)
{
    private readonly Dictionary<string, JsonElement> _inputs = Properties(element.GetProperty("inputs"));
    private readonly Dictionary<string, JsonElement> _expected = Properties(element.GetProperty("expected"));
    private readonly HashSet<string> _read = [];
    private readonly HashSet<string> _checked = [];

    public string Id { get; } = element.GetProperty("id").GetString()!;

    public string Algorithm { get; } = element.GetProperty("algorithm").GetString()!;

    public bool Has(string input) => _inputs.ContainsKey(input);

    public string Text(string input) => Read(input).GetString()!;

    public byte[] Hex(string input) => Convert.FromHexString(Text(input));

    public long Number(string input) => Read(input).GetInt64();

    public uint HexNumber(string input) => uint.Parse(Text(input), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public string Optional(string input, string fallback) => Has(input) ? Text(input) : fallback;

    public bool Flag(string input) => Has(input) && Read(input).GetBoolean();

    /// <summary>option A/B and hash_short_pans as the provider's derivation (see the brief's mapping).</summary>
    public IccDerivation Derivation()
    {
        var hashShortPans = Flag("hash_short_pans");
        return (Text("option"), hashShortPans) switch
        {
            ("A", false) => IccDerivation.OptionA,
            ("B", false) => IccDerivation.OptionB,
            ("B", true) => IccDerivation.OptionBAllPans,
            var other => throw new InvalidOperationException($"{Id}: unknown derivation {other}"),
        };
    }

    public void Check(string name, string actual)
    {
        if (_expected.TryGetValue(name, out var expected))
        {
            var text = expected.ValueKind == JsonValueKind.Number ? expected.GetRawText() : expected.GetString();
            Assert.True(text == actual, $"{Id}: {name} expected {text}, got {actual}");
            _checked.Add(name);
        }
    }

    public void Check(string name, long actual) => Check(name, actual.ToString(CultureInfo.InvariantCulture));

    public void CheckHex(string name, ReadOnlySpan<byte> actual) => Check(name, Convert.ToHexString(actual));

    public void AssertEverythingUsed()
    {
        var unchecked_ = _expected.Keys.Except(_checked).ToList();
        Assert.True(unchecked_.Count == 0, $"{Id}: expected keys no check knows: {string.Join(", ", unchecked_)}");
        var unread = _inputs.Keys.Except(_read).ToList();
        Assert.True(unread.Count == 0, $"{Id}: inputs no check reads: {string.Join(", ", unread)}");
    }

    private JsonElement Read(string input)
    {
        _read.Add(input);
        return _inputs.TryGetValue(input, out var value) ? value : throw new InvalidOperationException($"{Id}: missing input {input}");
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
}
