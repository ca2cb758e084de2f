using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Domain.Verification;

/// <summary>
/// The rules every verification runs under, whatever it verifies: an inactive card answers card_inactive;
/// a locked card answers card_locked without computing; failures are counted per card across all clients
/// (the one that reaches the range's maximum locks the card); a match resets the count; every outcome is audited.
/// </summary>
public sealed class VerificationGuard(ILockoutStore lockouts, CardStateCache states, IAuditLog audit, TimeProvider clock)
{
    public async Task<VerificationResult> RunAsync(
        CardContext card, string action, string client, Func<CancellationToken, Task<VerificationResult>> check, CancellationToken ct) =>
        (await RunAsync<bool>(card, action, client, async c => (await check(c), true), ct)).Result;

    /// <summary>Runs <paramref name="check"/> under the rules; its payload comes back only when the check's own result stands.</summary>
    public async Task<(VerificationResult Result, T? Payload)> RunAsync<T>(
        CardContext card, string action, string client, Func<CancellationToken, Task<(VerificationResult Result, T? Payload)>> check, CancellationToken ct)
    {
        var (result, payload) = await DecideAsync(card, check, ct);
        await audit.WriteAsync(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Client = client,
            Action = action,
            CardFingerprint = card.Fingerprint,
            Outcome = result.IsMatch ? "match" : "no_match",
            Reason = result.Reason?.Code(),
        }, ct);
        return (result, payload);
    }

    private async Task<(VerificationResult, T?)> DecideAsync<T>(
        CardContext card, Func<CancellationToken, Task<(VerificationResult, T?)>> check, CancellationToken ct)
    {
        if (card.IsInactive)
        {
            return (VerificationResult.NoMatch(MismatchReason.CardInactive), default);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lockout = card.State.Lockout;
        if (lockout.LockedUntil > now)
        {
            return (VerificationResult.NoMatch(MismatchReason.CardLocked), default);
        }
        var (result, payload) = await check(ct);
        if (!result.IsMatch)
        {
            var settings = card.Range.Lockout;
            await lockouts.RecordFailureAsync(card.Fingerprint, settings.MaxFailures, now.AddMinutes(settings.LockMinutes), ct);
            states.CardChanged(card.Fingerprint);
        }
        else if (lockout.ConsecutiveFailures > 0)
        {
            await lockouts.ResetFailuresAsync(card.Fingerprint, ct);
            states.CardChanged(card.Fingerprint);
        }
        return (result, payload);
    }
}
