using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Api.CardVerification;

/// <summary>The outcome of a verification. A failed verification is an answer, not an error.</summary>
/// <param name="Result">match or no_match.</param>
/// <param name="Reason">Why it did not match; null on match.</param>
public sealed record VerifyResponse(VerificationOutcome Result, MismatchReason? Reason)
{
    public static VerifyResponse From(VerificationResult r) => new(r.Result, r.Reason);
}
