using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Tests.Fakes;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tests;

/// <summary>dCVV2 issuance and verification rules, on in-memory ports and a crypto port that computes a plain function of PAN and window.</summary>
public sealed class Dcvv2ServiceTests
{
    private const int Minutes = 60;
    private const int GraceSeconds = 300;

    private static readonly StoredKey Key = new()
    {
        Id = Guid.NewGuid(),
        Alias = "dcvv2-key",
        Usage = KeyUsage.Dcvv2,
        Algorithm = KeyAlgorithm.Tdes2Key,
        Wrapped = [1],
        Kcv = "000000",
    };

    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 22, 12, 10, 0, TimeSpan.Zero));
    private readonly FakeCardCodes _codes = new();
    private readonly FakeDcvv2Store _store = new();
    private readonly FakeAuditLog _audit = new();
    private readonly FakeLockoutStore _lockouts = new();

    private Dcvv2Service Service()
    {
        var metrics = new IssuerMetrics(new TestMeterFactory());
        var guard = new VerificationGuard(_lockouts, new CardStateCache(_lockouts, _clock, CardStateCacheOptions.Default), new FakeAuditLog(), metrics, _clock);
        return new Dcvv2Service(_codes, new KeyRing(new FakeKeyStore(Key), new NoKeyManagement(), _audit, _clock), _store, guard, _audit, metrics, _clock);
    }

    private static CardContext Card(bool singleUse = false, CardStatus status = CardStatus.Active) => CardContexts.Registered(new CardRange
    {
        PanPrefix = "444433",
        Keys = new RangeKeys(new Dictionary<KeySlot, string> { [KeySlot.Dcvv2] = Key.Alias }),
        Dcvv2 = new Dcvv2Settings { WindowMinutes = Minutes, GraceSeconds = GraceSeconds, SingleUse = singleUse },
    }, status);

    private Dcvv2Window Current => Dcvv2Window.Containing(_clock.GetUtcNow(), Minutes);

    private string ValueOf(CardContext card, Dcvv2Window window) => _codes.Dcvv2(Key.Handle, card.Pan.Digits, window.Index);

    private async Task<VerificationResult> VerifyAsync(CardContext card, string value, DateTimeOffset? at = null) =>
        (await Service().VerifyAsync(card, value, at, "merchant-a", default)).Result;

    [Fact]
    public async Task Generate_records_one_issuance_of_count_windows_from_the_current_one_and_audits_it()
    {
        var card = Card();
        var first = Current;
        var issue = await Service().GenerateAsync(card, 3, "wallet", default);

        Assert.Equal(card.Pan.Masked, issue.MaskedPan);
        Assert.Equal(Minutes, issue.WindowMinutes);
        Assert.Equal([first, first.Next(1), first.Next(2)], issue.Values.Select(v => Dcvv2Window.Containing(v.ValidFrom, Minutes)));
        Assert.All(issue.Values, v => Assert.Equal(ValueOf(card, Dcvv2Window.Containing(v.ValidFrom, Minutes)), v.Value));
        Assert.All(issue.Values, v => Assert.Equal(v.ValidFrom.AddMinutes(Minutes), v.ValidUntil));
        Assert.InRange(_clock.GetUtcNow(), issue.Values[0].ValidFrom, issue.Values[0].ValidUntil.AddTicks(-1));

        var issuance = Assert.Single(_store.Issuances);
        Assert.Equal(card.Fingerprint, issuance.CardFingerprint);
        Assert.Equal(first.Index, issuance.FirstWindow);
        Assert.Equal(first.Index + 2, issuance.LastWindow);
        Assert.Equal(Minutes, issuance.WindowMinutes);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, issuance.IssuedAt);
        Assert.Equal("wallet", issuance.Client);

        var audit = Assert.Single(_audit.Entries);
        Assert.Equal((AuditOutcomes.Generated, "dcvv2.generate", "wallet"), (audit.Outcome, audit.Action, audit.Client));
        Assert.Equal(card.Fingerprint, audit.CardFingerprint);
    }

    [Fact]
    public async Task Generate_refuses_an_inactive_card()
    {
        var card = Card(status: CardStatus.Stolen);
        await Assert.ThrowsAsync<Common.CannotServeException>(() => Service().GenerateAsync(card, 1, "wallet", default));
        Assert.Empty(_store.Issuances);
    }

    [Fact]
    public async Task Verify_matches_the_current_window_and_answers_it()
    {
        var card = Card();
        var issue = await Service().GenerateAsync(card, 2, "wallet", default);
        var (result, window) = await Service().VerifyAsync(card, issue.Values[0].Value, null, "merchant-a", default);
        Assert.Equal(VerificationResult.Matched, result);
        Assert.Equal(Current, window);
        var decision = Assert.Single(_lockouts.Decisions);
        Assert.Equal(("dcvv2.verify", "merchant-a", LockoutEffect.Reset), (decision.Audit.Action, decision.Audit.Client, decision.Effect));

        _clock.Advance(TimeSpan.FromMinutes(Minutes));
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, issue.Values[1].Value));
    }

    [Fact]
    public async Task A_wrong_value_in_an_issued_window_is_a_value_mismatch()
    {
        var card = Card();
        var issue = await Service().GenerateAsync(card, 1, "wallet", default);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.ValueMismatch), await VerifyAsync(card, WrongDigit.Last(issue.Values[0].Value)));
        Assert.Equal(LockoutEffect.CountFailure, Assert.Single(_lockouts.Decisions).Effect);
    }

    [Fact]
    public async Task The_previous_window_matches_within_grace_of_its_end_and_not_after()
    {
        var card = Card();
        var window = Current;
        var value = (await Service().GenerateAsync(card, 1, "wallet", default)).Values[0].Value;

        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, value, window.ValidUntil.AddSeconds(GraceSeconds)));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.WindowExpired), await VerifyAsync(card, value, window.ValidUntil.AddSeconds(GraceSeconds + 1)));
    }

    [Fact]
    public async Task Past_grace_the_previous_window_does_not_match_while_a_later_issuance_is_current()
    {
        var card = Card();
        var window = Current;
        var value = (await Service().GenerateAsync(card, 1, "wallet", default)).Values[0].Value;
        _clock.Set(window.ValidUntil);
        await Service().GenerateAsync(card, 1, "wallet", default);

        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, value, window.ValidUntil.AddSeconds(GraceSeconds)));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.ValueMismatch), await VerifyAsync(card, value, window.ValidUntil.AddSeconds(GraceSeconds + 1)));
    }

    [Fact]
    public async Task A_window_never_issued_is_not_issued()
    {
        var card = Card();
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.WindowNotIssued), await VerifyAsync(card, ValueOf(card, Current)));

        var first = Current;
        await Service().GenerateAsync(card, 1, "wallet", default);
        _clock.Set(first.Next(3).ValidFrom);
        await Service().GenerateAsync(card, 1, "wallet", default);
        var gap = first.Next(2);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.WindowNotIssued), await VerifyAsync(card, ValueOf(card, gap), gap.ValidFrom.AddMinutes(30)));
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.WindowNotIssued), await VerifyAsync(card, ValueOf(card, first.Next(-1)), first.ValidFrom.AddMinutes(-30)));
    }

    [Fact]
    public async Task A_single_use_window_used_twice_is_already_used()
    {
        var card = Card(singleUse: true);
        var value = (await Service().GenerateAsync(card, 1, "wallet", default)).Values[0].Value;

        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, value));
        var (result, window) = await Service().VerifyAsync(card, value, null, "merchant-a", default);
        Assert.Equal(VerificationResult.NoMatch(MismatchReason.AlreadyUsed), result);
        Assert.Null(window);
        Assert.Equal([LockoutEffect.Reset, LockoutEffect.CountFailure], _lockouts.Decisions.Select(d => d.Effect));
    }

    [Fact]
    public async Task A_window_that_is_not_single_use_matches_again()
    {
        var card = Card();
        var value = (await Service().GenerateAsync(card, 1, "wallet", default)).Values[0].Value;
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, value));
        Assert.Equal(VerificationResult.Matched, await VerifyAsync(card, value));
    }
}
