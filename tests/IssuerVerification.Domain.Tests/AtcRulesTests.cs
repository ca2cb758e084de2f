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
    }

    [Fact]
    public async Task A_refused_atc_is_answered_before_the_value_is_computed()
    {
        await VerifyAsync(10, right: true);
        var computed = 0;
        Task<VerificationResult> Verify(int atc, bool right) => _rules.VerifyAsync(Card, "cvc3", atc, () => { computed++; return right; }, default);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcReplay), await Verify(9, right: false));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcReplay), await Verify(10, right: true));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcOutOfRange), await Verify(10 + AtcRules.MaxStep + 1, right: false));
        Assert.Equal(0, computed);
    }

    [Fact]
    public async Task A_right_value_whose_atc_another_request_claimed_meanwhile_is_a_replay()
    {
        _counters.BeforeClaim = () => _counters.Advance(Card, "cvc3", 10);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AtcReplay), await VerifyAsync(10, right: true));
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
