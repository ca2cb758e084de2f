using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// The decision rules of API.md as one table: every red rule that holds is a reason to decline; failing those, every
/// yellow rule that holds asks for step-up; a yellow without an ID&amp;V method is red. Otherwise green.
/// </summary>
public static class TokenDecisions
{
    private sealed record Rule(TokenDecision Decision, string Reason, Func<TokenDecisionInput, TokenVerificationSettings, bool> Holds);

    private static readonly Rule[] Rules =
    [
        new(TokenDecision.Red, TokenReasons.CardUnknown, (i, _) => i.Card == CardStanding.Unknown),
        new(TokenDecision.Red, TokenReasons.CardInactive, (i, _) => i.Card == CardStanding.Inactive),
        new(TokenDecision.Red, TokenReasons.CardLocked, (i, _) => i.Card == CardStanding.Locked),
        new(TokenDecision.Red, TokenReasons.RecommendedDecline, (i, _) => i.Recommendation == RiskRecommendation.Decline),
        new(TokenDecision.Red, TokenReasons.HighRiskScore, (i, s) => i.RiskScore >= s.RedFromScore),
        new(TokenDecision.Yellow, TokenReasons.MediumRiskScore, (i, s) => i.RiskScore >= s.YellowFromScore && i.RiskScore < s.RedFromScore),
        new(TokenDecision.Yellow, TokenReasons.RecommendedAuthentication, (i, _) => i.Recommendation == RiskRecommendation.RequireAuthentication),
        new(TokenDecision.Yellow, TokenReasons.NewDevice, (i, _) => i.DeviceKnown == false && i.RiskScore is null),
    ];

    public static (TokenDecision Decision, IReadOnlyList<string> Reasons) Decide(TokenDecisionInput input, TokenVerificationSettings settings)
    {
        foreach (var decision in (TokenDecision[])[TokenDecision.Red, TokenDecision.Yellow])
        {
            var reasons = Rules.Where(r => r.Decision == decision && r.Holds(input, settings)).Select(r => r.Reason).ToList();
            if (reasons.Count == 0)
            {
                continue;
            }
            if (decision == TokenDecision.Yellow && !input.HasIdvMethod)
            {
                return (TokenDecision.Red, [.. reasons, TokenReasons.NoIdvMethod]);
            }
            return (decision, reasons);
        }
        return (TokenDecision.Green, [GreenReason(input)]);
    }

    private static string GreenReason(TokenDecisionInput input) =>
        input.RiskScore is not null ? TokenReasons.LowRiskScore
        : input.DeviceKnown == true ? TokenReasons.KnownDevice
        : TokenReasons.NoRiskSignal;

    /// <summary>How a card stands for a decision: unknown, not active, locked (now) or active.</summary>
    public static CardStanding Standing(Card? card, DateTime? lockedUntil, DateTime now) =>
        card is null ? CardStanding.Unknown
        : card.Status != CardStatus.Active ? CardStanding.Inactive
        : lockedUntil > now ? CardStanding.Locked
        : CardStanding.Active;
}
