using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Api.Dcvv2;

/// <param name="ValidFrom">On a match: the start of the window the value belongs to.</param>
/// <param name="ValidUntil">On a match: the end of that window (exclusive).</param>
public sealed record Dcvv2VerifyResponse(VerificationOutcome Result, MismatchReason? Reason, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);
