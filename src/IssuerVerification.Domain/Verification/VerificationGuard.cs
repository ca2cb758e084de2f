using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Domain.Verification;

/// <summary>
/// The rules every verification runs under, whatever it verifies: an inactive card answers card_inactive; a card known
/// to be locked answers card_locked without computing; failures are counted per card across all clients and replicas
/// (the one that reaches the range's maximum locks the card); a match restarts the count; every outcome is audited.
/// The outcome is decided when it becomes durable (<see cref="ILockoutStore.DecideAsync"/>): whatever the interleaving of
/// requests, at most the maximum of failures is answered value_mismatch before the card locks, and a match is answered
/// only if the card was not locked at that moment (docs/card-verification.md#lockout).
/// </summary>
public sealed class VerificationGuard(ILockoutStore lockouts, CardStateCache states, TimeProvider clock)
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
        var audit = new AuditEntry
        {
            At = now,
            Client = client,
            Action = action,
            CardFingerprint = card.Fingerprint,
            Outcome = result.IsMatch ? AuditOutcomes.Match : AuditOutcomes.NoMatch,
            Reason = result.Reason?.Code(),
        };
        var locked = await lockouts.DecideAsync(new Decision(audit, effect, settings.MaxFailures, now.AddMinutes(settings.LockMinutes), now), ct);
        if (locked || effect == LockoutEffect.CountFailure || (effect == LockoutEffect.Reset && card.State.Lockout.ConsecutiveFailures > 0))
        {
            states.CardChanged(card.Fingerprint);
        }
        return locked ? (VerificationResult.NoMatch(MismatchReason.CardLocked), default) : (result, payload);
    }

    private static async Task<(VerificationResult, T?, LockoutEffect)> CheckAsync<T>(
        Func<CancellationToken, Task<(VerificationResult Result, T? Payload)>> check, CancellationToken ct)
    {
        var (result, payload) = await check(ct);
        return (result, payload, result.IsMatch ? LockoutEffect.Reset : LockoutEffect.CountFailure);
    }
}
