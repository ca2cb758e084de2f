using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Domain.Verification;

/// <summary>
/// The rules every verification runs under, whatever it verifies: an inactive card answers card_inactive;
/// a locked card answers card_locked without computing; failures are counted per card across all clients
/// (the one that reaches the range's maximum locks the card); a match resets the count; every outcome is audited.
/// </summary>
public sealed class VerificationGuard(ICounterStore counters, CardStateCache states, IAuditLog audit, TimeProvider clock)
{
    public async Task<VerificationResult> RunAsync(
        CardContext card, string action, string client, Func<CancellationToken, Task<VerificationResult>> check, CancellationToken ct)
    {
        var result = await DecideAsync(card, check, ct);
        await audit.WriteAsync(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Client = client,
            Action = action,
            CardFingerprint = card.Fingerprint,
            Outcome = result.IsMatch ? "match" : "no_match",
            Reason = result.Reason is { } reason ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString()) : null,
        }, ct);
        return result;
    }

    private async Task<VerificationResult> DecideAsync(CardContext card, Func<CancellationToken, Task<VerificationResult>> check, CancellationToken ct)
    {
        if (card.IsInactive)
        {
            return VerificationResult.NoMatch(MismatchReason.CardInactive);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lockout = card.State.Lockout;
        if (lockout.LockedUntil > now)
        {
            return VerificationResult.NoMatch(MismatchReason.CardLocked);
        }
        var result = await check(ct);
        if (!result.IsMatch)
        {
            var settings = card.Range.Lockout;
            await counters.RecordFailureAsync(card.Fingerprint, settings.MaxFailures, now.AddMinutes(settings.LockMinutes), ct);
            states.Forget(card.Fingerprint);
        }
        else if (lockout.ConsecutiveFailures > 0)
        {
            await counters.ResetFailuresAsync(card.Fingerprint, ct);
            states.Forget(card.Fingerprint);
        }
        return result;
    }
}
