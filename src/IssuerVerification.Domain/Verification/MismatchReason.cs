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
