using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Telemetry;

namespace IssuerVerification.Domain.Verification;

/// <summary>
/// The rules every verification runs under, whatever it verifies: an inactive card answers card_inactive; a card known
/// to be locked answers card_locked without computing; failures are counted per card across all clients and replicas
/// (the one that reaches the range's maximum locks the card); a match restarts the count; every outcome is audited.
/// The outcome is decided when it becomes durable (<see cref="ILockoutStore.DecideAsync"/>): whatever the interleaving of
/// requests, at most the maximum of failures is answered value_mismatch before the card locks, and a match is answered
/// only if the card was not locked at that moment (docs/card-verification.md#lockout). A lock's start (the failure that
/// locks) and end (the first verification that finds it expired) are audited besides (docs/audit.md).
/// </summary>
public sealed class VerificationGuard(ILockoutStore lockouts, CardStateCache states, IAuditLog audit, IssuerMetrics metrics, TimeProvider clock)
{
    public async Task<VerificationResult> RunAsync(
        CardContext card, string action, string client, Func<CancellationToken, Task<VerificationResult>> check, CancellationToken ct) =>
        (await RunAsync<bool>(card, action, client, async c => (await check(c), true), ct)).Result;

    /// <summary>Runs <paramref name="check"/> under the rules; its payload comes back only when the check's own result stands.</summary>
    public async Task<(VerificationResult Result, T? Payload)> RunAsync<T>(
        CardContext card, string action, string client, Func<CancellationToken, Task<(VerificationResult Result, T? Payload)>> check, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (result, payload, effect) = card.IsInactive ? (VerificationResult.NoMatch(MismatchReason.CardInactive), default, LockoutEffect.None)
            : card.State.Lockout.LockedUntil > now ? (VerificationResult.NoMatch(MismatchReason.CardLocked), default, LockoutEffect.None)
            : await CheckAsync(check, ct);
        var settings = card.Range.Lockout;
        var record = new AuditEntry
        {
            At = now,
            Client = client,
            Action = action,
            CardFingerprint = card.Fingerprint,
            Outcome = result.IsMatch ? AuditOutcomes.Match : AuditOutcomes.NoMatch,
            Reason = result.Reason?.Code(),
        };
        var lockExpired = card.State.Lockout.LockedUntil <= now;
        if (lockExpired && effect != LockoutEffect.None)
        {
            await WriteLockoutAsync(card, client, AuditOutcomes.Unlocked, "expired", now, ct);
        }
        var until = now.AddMinutes(settings.LockMinutes);
        var decided = await lockouts.DecideAsync(new Decision(record, effect, settings.MaxFailures, until, now), ct);
        if (decided == DecisionOutcome.StandsAndLocks)
        {
            await WriteLockoutAsync(card, client, AuditOutcomes.Locked, $"until {until:O}", now, ct);
        }
        if (decided != DecisionOutcome.Stands || lockExpired || effect == LockoutEffect.CountFailure
            || (effect == LockoutEffect.Reset && card.State.Lockout.ConsecutiveFailures > 0))
        {
            states.CardChanged(card.Fingerprint);
        }
        var stands = decided == DecisionOutcome.CardLocked ? VerificationResult.NoMatch(MismatchReason.CardLocked) : result;
        metrics.Verified(action, stands, decided == DecisionOutcome.StandsAndLocks);
        return decided == DecisionOutcome.CardLocked ? (stands, default) : (result, payload);
    }

    private Task WriteLockoutAsync(CardContext card, string client, string outcome, string reason, DateTime now, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry
        {
            At = now,
            Client = client,
            Action = "lockout",
            CardFingerprint = card.Fingerprint,
            Outcome = outcome,
            Reason = reason,
        }, ct);

    private static async Task<(VerificationResult, T?, LockoutEffect)> CheckAsync<T>(
        Func<CancellationToken, Task<(VerificationResult Result, T? Payload)>> check, CancellationToken ct)
    {
        var (result, payload) = await check(ct);
        return (result, payload, result.IsMatch ? LockoutEffect.Reset : LockoutEffect.CountFailure);
    }
}
