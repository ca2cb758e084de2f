using IssuerVerification.Api.Logging;
using Microsoft.Extensions.Logging;

namespace IssuerVerification.Api.Tests;

public sealed class LoggingTests
{
    [Theory]
    [InlineData("card 4444333322221111 verified", "card [REDACTED] verified")]
    [InlineData("pan=4444 3333 2222 1111;", "pan=[REDACTED];")]
    [InlineData("pan 4444-3333-2222-1111", "pan [REDACTED]")]
    [InlineData("19 digits 4571386758928640179.", "19 digits [REDACTED].")]
    [InlineData("GET /v1/admin/keys/4444.3333.2222.1111 done", "GET /v1/admin/keys/[REDACTED] done")]
    [InlineData("pan 4444. 3333 .2222-1111", "pan [REDACTED]")]
    [InlineData("11 digits 12345678901 stay", "11 digits 12345678901 stay")]
    [InlineData("took 12.5 ms, status 200", "took 12.5 ms, status 200")]
    public void Pan_like_digit_runs_are_redacted(string message, string expected) =>
        Assert.Equal(expected, PanRedaction.Redact(message));

    [Fact]
    public void Formatter_writes_one_redacted_line()
    {
        var line = RedactingConsoleFormatter.Format(DateTimeOffset.UnixEpoch, LogLevel.Warning, "Test", "pan 5392692002902681");
        Assert.Equal("1970-01-01T00:00:00.000Z Warning     Test: pan [REDACTED]", line);
    }
}
