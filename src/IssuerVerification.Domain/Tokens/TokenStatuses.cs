namespace IssuerVerification.Domain.Tokens;

public static class TokenStatuses
{
    /// <summary>Statuses that never change again.</summary>
    public static bool IsFinal(this TokenVerificationStatus status) => status != TokenVerificationStatus.PendingIdv;

    /// <summary>The status a verification starts in for its decision.</summary>
    public static TokenVerificationStatus Initial(TokenDecision decision) => decision switch
    {
        TokenDecision.Green => TokenVerificationStatus.Approved,
        TokenDecision.Yellow => TokenVerificationStatus.PendingIdv,
        _ => TokenVerificationStatus.Declined,
    };

    /// <summary>Whether a device or passkey binding is recorded when a verification ends in this status.</summary>
    public static bool Binds(this TokenVerificationStatus status) =>
        status is TokenVerificationStatus.Approved or TokenVerificationStatus.Verified;
}
