namespace IssuerVerification.Domain.Dcvv2;

public sealed record Dcvv2Value(string Value, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);
