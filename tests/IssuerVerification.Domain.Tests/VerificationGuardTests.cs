using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Tests.Fakes;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests;

/// <summary>The rules every verification runs under, on in-memory ports.</summary>
public sealed class VerificationGuardTests : IDisposable
{
    private static readonly CardRange Range = new() { PanPrefix = "444433", Lockout = new LockoutSettings { MaxFailures = 3, LockMinutes = 10 } };

    private readonly FakeClock _clock = new();
    private readonly FakeLockoutStore _lockouts = new();
    private readonly FakeAuditLog _audit = new();
    private readonly TestMeterFactory _meters = new();
    private readonly CardStateCache _states;
    private readonly VerificationGuard _guard;
    private bool _checkRan;

    public VerificationGuardTests()
    {
        _states = new CardStateCache(_lockouts, _clock, new CardStateCacheOptions(TimeSpan.FromMinutes(1)));
        _guard = new VerificationGuard(_lockouts, _states, _audit, new IssuerMetrics(_meters), _clock);
    }

    public void Dispose() => _meters.Dispose();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private Task<(VerificationResult Result, string? Payload)> RunAsync(CardContext card, VerificationResult checkAnswers) =>
        _guard.RunAsync<string>(card, "cvv2.verify", "merchant-a", _ =>
        {
            _checkRan = true;
            return Task.FromResult<(VerificationResult, string?)>((checkAnswers, "payload"));
        }, default);

    private static readonly VerificationResult Mismatch = VerificationResult.NoMatch(MismatchReason.ValueMismatch);

    [Fact]
    public async Task An_inactive_card_answers_card_inactive_without_running_the_check()
    {
        var (result, payload) = await RunAsync(CardContexts.Registered(Range, CardStatus.Blocked), VerificationResult.Matched);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.CardInactive), result);
        Assert.Null(payload);
        Assert.False(_checkRan);
        Assert.Equal(LockoutEffect.None, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task A_card_known_to_be_locked_answers_card_locked_without_running_the_check()
    {
        var card = CardContexts.Registered(Range, lockout: new LockoutState(0, Now.AddSeconds(1)));
        var (result, payload) = await RunAsync(card, VerificationResult.Matched);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.CardLocked), result);
        Assert.Null(payload);
        Assert.False(_checkRan);
        Assert.Equal(LockoutEffect.None, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task A_lock_that_has_ended_runs_the_check()
    {
        var card = CardContexts.Registered(Range, lockout: new LockoutState(0, Now));
        Assert.Equal(VerificationResult.Matched, (await RunAsync(card, VerificationResult.Matched)).Result);
        Assert.True(_checkRan);
    }

    [Fact]
    public async Task A_no_match_is_decided_as_a_failure_with_the_range_s_lockout()
    {
        var (result, payload) = await RunAsync(CardContexts.Registered(Range), Mismatch);
        Assert.Equal(Mismatch, result);
        Assert.Equal("payload", payload);
        var decision = Assert.Single(_lockouts.Decisions);
        Assert.Equal(LockoutEffect.CountFailure, decision.Effect);
        Assert.Equal(3, decision.MaxFailures);
        Assert.Equal(Now.AddMinutes(10), decision.LockUntil);
        Assert.Equal(Now, decision.Now);
    }

    [Fact]
    public async Task A_match_is_decided_as_a_reset_and_returns_the_check_s_payload()
    {
        var (result, payload) = await RunAsync(CardContexts.Registered(Range), VerificationResult.Matched);
        Assert.Equal(VerificationResult.Matched, result);
        Assert.Equal("payload", payload);
        Assert.True(_checkRan);
        Assert.Equal(LockoutEffect.Reset, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task The_result_without_payload_runs_under_the_same_rules()
    {
        var result = await _guard.RunAsync(CardContexts.Registered(Range), "cvc3.verify", "merchant-a", _ => Task.FromResult(Mismatch), default);
        Assert.Equal(Mismatch, result);
        Assert.Equal(LockoutEffect.CountFailure, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task A_card_locked_when_the_decision_is_made_answers_card_locked_and_drops_the_payload()
    {
        _lockouts.LockedAtDecision = true;
        var (result, payload) = await RunAsync(CardContexts.Registered(Range), VerificationResult.Matched);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.CardLocked), result);
        Assert.Null(payload);
        Assert.Equal(LockoutEffect.Reset, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task The_metrics_count_the_outcome_that_stands_by_operation_and_reason()
    {
        using var recorder = MetricRecorder.Of(_meters);
        await RunAsync(CardContexts.Registered(Range), VerificationResult.Matched);
        await RunAsync(CardContexts.Registered(Range), VerificationResult.NoMatch(MismatchReason.AtcReplay));
        _lockouts.LockedAtDecision = true;
        await RunAsync(CardContexts.Registered(Range), VerificationResult.Matched);

        var op = ("issuer.operation", "cvv2.verify");
        Assert.Equal(1, recorder.Sum("issuer.verifications", op, ("issuer.result", "match"), ("issuer.reason", null)));
        Assert.Equal(1, recorder.Sum("issuer.verifications", op, ("issuer.result", "no_match"), ("issuer.reason", "atc_replay")));
        Assert.Equal(1, recorder.Sum("issuer.verifications", op, ("issuer.result", "no_match"), ("issuer.reason", "card_locked")));
        Assert.Equal(1, recorder.Sum("issuer.atc.rejections", op, ("issuer.reason", "atc_replay")));
        Assert.Empty(recorder.Of("issuer.lockouts"));
    }

    [Fact]
    public async Task The_failure_that_locks_the_card_is_counted_as_a_lockout()
    {
        using var recorder = MetricRecorder.Of(_meters);
        _lockouts.FailureLocks = true;
        await RunAsync(CardContexts.Registered(Range), Mismatch);
        Assert.Equal(1, recorder.Sum("issuer.lockouts", ("issuer.operation", "cvv2.verify")));
        Assert.Equal(1, recorder.Sum("issuer.verifications", ("issuer.result", "no_match"), ("issuer.reason", "value_mismatch")));
    }

    [Fact]
    public async Task The_audit_record_carries_the_proposed_outcome_action_client_and_card()
    {
        _lockouts.LockedAtDecision = true; // the store, not the guard, records what stands
        var card = CardContexts.Registered(Range);
        await RunAsync(card, Mismatch);
        await RunAsync(card, VerificationResult.Matched);

        Assert.Collection(_lockouts.Decisions.Select(d => d.Audit),
            audit => AssertAudit(audit, AuditOutcomes.NoMatch, "value_mismatch"),
            audit => AssertAudit(audit, AuditOutcomes.Match, null));

        void AssertAudit(AuditEntry audit, string outcome, string? reason)
        {
            Assert.Equal(outcome, audit.Outcome);
            Assert.Equal(reason, audit.Reason);
            Assert.Equal("cvv2.verify", audit.Action);
            Assert.Equal("merchant-a", audit.Client);
            Assert.Equal(card.Fingerprint, audit.CardFingerprint);
            Assert.Equal(Now, audit.At);
        }
    }

    [Fact]
    public async Task The_cached_state_is_forgotten_after_a_failure()
    {
        Assert.True(await ForgottenAfterAsync(CardContexts.Registered(Range), Mismatch));
    }

    [Fact]
    public async Task The_cached_state_is_forgotten_after_a_reset_of_a_card_that_had_failures()
    {
        Assert.True(await ForgottenAfterAsync(CardContexts.Registered(Range, lockout: new LockoutState(2, null)), VerificationResult.Matched));
    }

    [Fact]
    public async Task The_cached_state_is_forgotten_after_a_locked_decision()
    {
        _lockouts.LockedAtDecision = true;
        Assert.True(await ForgottenAfterAsync(CardContexts.Registered(Range), VerificationResult.Matched));
    }

    [Fact]
    public async Task The_cached_state_is_kept_after_a_match_of_a_card_with_no_failures()
    {
        Assert.False(await ForgottenAfterAsync(CardContexts.Registered(Range), VerificationResult.Matched));
    }

    [Fact]
    public async Task The_cached_state_is_kept_after_an_answer_that_did_not_depend_on_a_value()
    {
        Assert.False(await ForgottenAfterAsync(CardContexts.Registered(Range, CardStatus.Lost), VerificationResult.Matched));
    }

    /// <summary>Caches the card's state, runs a verification, and tells whether the next read went to the store again.</summary>
    private async Task<bool> ForgottenAfterAsync(CardContext card, VerificationResult checkAnswers)
    {
        await _states.GetAsync(card.Fingerprint, default);
        await RunAsync(card, checkAnswers);
        var reads = _lockouts.Reads;
        await _states.GetAsync(card.Fingerprint, default);
        return _lockouts.Reads > reads;
    }
}
