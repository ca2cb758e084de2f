namespace IssuerVerification.Api.Dcvv2;

/// <param name="Dcvv2">3 digits.</param>
/// <param name="ValidFrom">Start of the window (inclusive).</param>
/// <param name="ValidUntil">End of the window (exclusive).</param>
public sealed record Dcvv2ValueDto(string Dcvv2, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
