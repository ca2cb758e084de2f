namespace IssuerVerification.Domain.Tokens;

/// <summary>The vocabulary of a decision's <c>reasons</c> (docs/token-verification.md).</summary>
public static class TokenReasons
{
    public const string CardUnknown = "card_unknown";
    public const string CardInactive = "card_inactive";
    public const string CardLocked = "card_locked";
    public const string RecommendedDecline = "recommended_decline";
    public const string HighRiskScore = "high_risk_score";
    public const string MediumRiskScore = "medium_risk_score";
    public const string RecommendedAuthentication = "recommended_authentication";
    public const string NewDevice = "new_device";
    public const string NoIdvMethod = "no_idv_method";
    public const string LowRiskScore = "low_risk_score";
    public const string KnownDevice = "known_device";
    public const string NoRiskSignal = "no_risk_signal";
}
