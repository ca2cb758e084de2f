namespace IssuerVerification.Domain.Tokens;

/// <summary>What a decision is made on.</summary>
/// <param name="Card">Whether the card is registered, active and not locked.</param>
/// <param name="DeviceKnown">For a device binding without a risk score: whether this token was bound to the device (or passkey)
/// before; null otherwise (no rule reads it then).</param>
/// <param name="HasIdvMethod">Whether the cardholder has at least one usable ID&amp;V method.</param>
public sealed record TokenDecisionInput(
    CardStanding Card, int? RiskScore, RiskRecommendation? Recommendation, bool? DeviceKnown, bool HasIdvMethod);

public enum CardStanding { Active, Unknown, Inactive, Locked }
