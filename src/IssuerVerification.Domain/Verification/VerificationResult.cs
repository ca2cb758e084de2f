namespace IssuerVerification.Domain.Verification;

/// <summary>The answer of a verification: a match, or no match and why.</summary>
public sealed record VerificationResult(VerificationOutcome Result, MismatchReason? Reason)
{
    public static readonly VerificationResult Matched = new(VerificationOutcome.Match, null);

    public static VerificationResult NoMatch(MismatchReason reason) => new(VerificationOutcome.NoMatch, reason);

    public bool IsMatch => Result == VerificationOutcome.Match;
}
