using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Domain.Tests;

/// <summary>One case per row of the decision table in docs/token-verification.md (default thresholds: red from 80, yellow from 40).</summary>
public sealed class TokenDecisionsTests
{
    private const RiskRecommendation Approve = RiskRecommendation.Approve;
    private const RiskRecommendation Authenticate = RiskRecommendation.RequireAuthentication;
    private const RiskRecommendation Decline = RiskRecommendation.Decline;

    [Theory]
    // standing, score, recommendation, device known (null: no device binding), has ID&V, decision, reasons
    [InlineData(CardStanding.Unknown, null, null, null, false, TokenDecision.Red, "card_unknown")]
    [InlineData(CardStanding.Inactive, 10, Approve, null, true, TokenDecision.Red, "card_inactive")]
    [InlineData(CardStanding.Locked, 10, Approve, null, true, TokenDecision.Red, "card_locked")]
    [InlineData(CardStanding.Active, 10, Decline, null, true, TokenDecision.Red, "recommended_decline")]
    [InlineData(CardStanding.Active, 80, null, null, true, TokenDecision.Red, "high_risk_score")]
    [InlineData(CardStanding.Active, 99, Decline, false, true, TokenDecision.Red, "recommended_decline high_risk_score")]
    [InlineData(CardStanding.Active, 79, null, null, true, TokenDecision.Yellow, "medium_risk_score")]
    [InlineData(CardStanding.Active, 40, null, true, true, TokenDecision.Yellow, "medium_risk_score")]
    [InlineData(CardStanding.Active, 10, Authenticate, null, true, TokenDecision.Yellow, "recommended_authentication")]
    [InlineData(CardStanding.Active, null, null, false, true, TokenDecision.Yellow, "new_device")]
    [InlineData(CardStanding.Active, 50, Authenticate, false, true, TokenDecision.Yellow, "medium_risk_score recommended_authentication")]
    [InlineData(CardStanding.Active, 50, null, null, false, TokenDecision.Red, "medium_risk_score no_idv_method")]
    [InlineData(CardStanding.Active, null, null, false, false, TokenDecision.Red, "new_device no_idv_method")]
    [InlineData(CardStanding.Active, 39, Approve, false, true, TokenDecision.Green, "low_risk_score")]
    [InlineData(CardStanding.Active, 0, null, null, false, TokenDecision.Green, "low_risk_score")]
    [InlineData(CardStanding.Active, null, null, true, true, TokenDecision.Green, "known_device")]
    [InlineData(CardStanding.Active, null, Approve, null, true, TokenDecision.Green, "no_risk_signal")]
    public void Decides_by_the_table(
        CardStanding standing, int? score, RiskRecommendation? recommendation, bool? deviceKnown, bool hasIdv, TokenDecision decision, string reasons)
    {
        var (actual, why) = TokenDecisions.Decide(new TokenDecisionInput(standing, score, recommendation, deviceKnown, hasIdv), new TokenVerificationSettings());
        Assert.Equal(decision, actual);
        Assert.Equal(reasons, string.Join(' ', why));
    }

    [Theory]
    [InlineData(59, TokenDecision.Yellow)]
    [InlineData(60, TokenDecision.Red)]
    [InlineData(19, TokenDecision.Green)]
    [InlineData(20, TokenDecision.Yellow)]
    public void Thresholds_come_from_the_range(int score, TokenDecision decision)
    {
        var settings = new TokenVerificationSettings { RedFromScore = 60, YellowFromScore = 20 };
        Assert.Equal(decision, TokenDecisions.Decide(new TokenDecisionInput(CardStanding.Active, score, null, null, true), settings).Decision);
    }

    [Fact]
    public void Card_standing_is_unknown_inactive_locked_or_active()
    {
        var now = new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
        Card Card(CardStatus status) => new() { PanFingerprint = [], PanEncrypted = [], MaskedPan = "", Expiry = "3012", Status = status };
        Assert.Equal(CardStanding.Unknown, TokenDecisions.Standing(null, null, now));
        Assert.Equal(CardStanding.Inactive, TokenDecisions.Standing(Card(CardStatus.Blocked), null, now));
        Assert.Equal(CardStanding.Locked, TokenDecisions.Standing(Card(CardStatus.Active), now.AddSeconds(1), now));
        Assert.Equal(CardStanding.Active, TokenDecisions.Standing(Card(CardStatus.Active), now, now));
    }
}
