using System.Text.RegularExpressions;

namespace IssuerVerification.Api.Logging;

/// <summary>
/// The last guard: any run of 12–19 digits in a log line is masked, also when the digits are separated
/// by spaces (also URL-encoded, as a logged path shows them), dashes or dots, up to two between digits
/// (<c>4444.3333.2222.1111</c>, <c>4444%203333%202222%201111</c>).
/// </summary>
public static partial class PanRedaction
{
    [GeneratedRegex(@"(?<!\d)(?:\d(?:[ .\-]|%20){0,2}){11,18}\d(?!\d)")]
    private static partial Regex PanLike();

    public static string Redact(string text) => PanLike().Replace(text, "[REDACTED]");
}
