namespace IssuerVerification.Domain.Verification;

/// <summary>Why a verification did not match. A failed verification is an answer, not an error.</summary>
public enum MismatchReason
{
    ValueMismatch,
    CardLocked,
    AtcReplay,
    AtcOutOfRange,
    WindowNotIssued,
    WindowExpired,
    AlreadyUsed,
    CardInactive,
}

public enum VerificationOutcome { Match, NoMatch }

public sealed record VerificationResult(VerificationOutcome Result, MismatchReason? Reason)
{
    public static readonly VerificationResult Matched = new(VerificationOutcome.Match, null);

    public static VerificationResult NoMatch(MismatchReason reason) => new(VerificationOutcome.NoMatch, reason);

    public bool IsMatch => Result == VerificationOutcome.Match;
}
