using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace IssuerVerification.Api.Logging;

/// <summary>One line per entry: time, level, category, message with PAN-like digit runs redacted. Exceptions by type only.</summary>
public sealed class RedactingConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "redacting";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is not null)
        {
            message += " [" + logEntry.Exception.GetType().FullName + "]";
        }
        textWriter.WriteLine(Format(DateTimeOffset.UtcNow, logEntry.LogLevel, logEntry.Category, message));
    }

    public static string Format(DateTimeOffset at, Microsoft.Extensions.Logging.LogLevel level, string category, string message) =>
        $"{at:yyyy-MM-ddTHH:mm:ss.fffZ} {level,-11} {category}: {PanRedaction.Redact(message.ReplaceLineEndings(" "))}";
}
