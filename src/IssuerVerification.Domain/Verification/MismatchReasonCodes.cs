namespace IssuerVerification.Domain.Verification;

/// <summary>How the audit log records a reason: a stable code that does not change when the enum is renamed.</summary>
public static class MismatchReasonCodes
{
    public static string Code(this MismatchReason reason) => reason switch
    {
        MismatchReason.ValueMismatch => "value_mismatch",
        MismatchReason.CardLocked => "card_locked",
        MismatchReason.AtcReplay => "atc_replay",
        MismatchReason.AtcOutOfRange => "atc_out_of_range",
        MismatchReason.WindowNotIssued => "window_not_issued",
        MismatchReason.WindowExpired => "window_expired",
        MismatchReason.AlreadyUsed => "already_used",
        MismatchReason.CardInactive => "card_inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
