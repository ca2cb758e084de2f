using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Tests.Fakes;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests;

public sealed class AtcRulesTests
{
    private static readonly byte[] Card = [7, 7, 7];
    private readonly FakeAtcStore _counters = new();
    private readonly AtcRules _rules;

    public AtcRulesTests() => _rules = new AtcRules(_counters);

    private Task<VerificationResult> VerifyAsync(int atc, bool right, string application = "cvc3") =>
        _rules.VerifyAsync(Card, application, atc, () => right, default);

    [Fact]
    public async Task A_wrong_value_never_claims_the_atc()
    {
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.ValueMismatch), await VerifyAsync(10, right: false));
        Assert.Equal(0, _counters.Claims);
        Assert.Null(await _counters.LastAtcAsync(Card, "cvc3", default));
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(10, right: true)); // still free for the right value
    }

    [Fact]
    public async Task A_right_value_claims_the_atc()
    {
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(10, right: true));
        Assert.Equal(10, await _counters.LastAtcAsync(Card, "cvc3", default));
        Assert.Null(await _counters.LastAtcAsync(Card, "dcvv", default)); // per application
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(10, right: true, "dcvv"));
    }

    [Fact]
    public async Task An_atc_at_or_below_the_last_is_a_replay()
    {
        await VerifyAsync(10, right: true);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcReplay), await VerifyAsync(10, right: true));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcReplay), await VerifyAsync(9, right: true));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.ValueMismatch), await VerifyAsync(9, right: false));
    }

    [Fact]
    public async Task An_atc_more_than_the_maximum_step_above_the_last_is_out_of_range()
    {
        await VerifyAsync(10, right: true);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcOutOfRange), await VerifyAsync(10 + AtcRules.MaxStep + 1, right: true));
        Assert.Equal(10, await _counters.LastAtcAsync(Card, "cvc3", default));
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(10 + AtcRules.MaxStep, right: true));
    }
}
