using System.Text.RegularExpressions;

namespace IssuerVerification.Api.Logging;

/// <summary>The last guard: any run of 12–19 digits (optionally spaced or dashed) in a log line is masked.</summary>
public static partial class PanRedaction
{
    [GeneratedRegex(@"(?<!\d)(?:\d[ -]?){11,18}\d(?!\d)")]
    private static partial Regex PanLike();

    public static string Redact(string text) => PanLike().Replace(text, "[REDACTED]");
}
