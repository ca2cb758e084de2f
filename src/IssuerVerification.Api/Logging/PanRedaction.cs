using System.Text.RegularExpressions;

namespace IssuerVerification.Api.Logging;

/// <summary>
/// The last guard: any run of 12–19 digits in a log line is masked, also when the digits are separated
/// by spaces, dashes or dots (up to two between digits: <c>4444.3333.2222.1111</c>, <c>4444 - 3333 ...</c>).
/// </summary>
public static partial class PanRedaction
{
    [GeneratedRegex(@"(?<!\d)(?:\d[ .\-]{0,2}){11,18}\d(?!\d)")]
    private static partial Regex PanLike();

    public static string Redact(string text) => PanLike().Replace(text, "[REDACTED]");
}
