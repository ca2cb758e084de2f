using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Dcvv2;

/// <summary>Dynamic CVV2: values for the current and following time windows, and their verification.</summary>
public sealed class Dcvv2Service(
    ICardCodes crypto, KeyRing keys, IDcvv2Store store, VerificationGuard guard, IAuditLog audit, IssuerMetrics metrics, TimeProvider clock)
{
    public const int MaxCount = 24;

    public async Task<Dcvv2Issue> GenerateAsync(CardContext card, int count, string client, CancellationToken ct)
    {
        card.RequireValuesAllowed();
        var key = await keys.HandleAsync(card.Range.Keys, KeySlot.Dcvv2, ct);
        var now = clock.GetUtcNow();
        var first = Dcvv2Window.Containing(now, card.Range.Dcvv2.WindowMinutes);
        var values = Enumerable.Range(0, count)
            .Select(i => first.Next(i))
            .Select(w => new Dcvv2Value(crypto.Dcvv2(key, card.Pan.Digits, w.Index), w.ValidFrom, w.ValidUntil))
            .ToList();
        await store.AddIssuanceAsync(new Dcvv2Issuance
        {
            Id = Guid.NewGuid(),
            CardFingerprint = card.Fingerprint,
            FirstWindow = first.Index,
            LastWindow = first.Index + count - 1,
            WindowMinutes = first.Minutes,
            IssuedAt = now.UtcDateTime,
            Client = client,
        }, ct);
        await audit.WriteGeneratedAsync(clock, client, "dcvv2.generate", card.Fingerprint, ct);
        metrics.Dcvv2Issued(count);
        return new Dcvv2Issue(card.Pan.Masked, first.Minutes, values);
    }

    public async Task<(VerificationResult Result, Dcvv2Window? Window)> VerifyAsync(
        CardContext card, string value, DateTimeOffset? transactionTime, string client, CancellationToken ct)
    {
        var key = await keys.HandleAsync(card.Range.Keys, KeySlot.Dcvv2, ct);
        var time = transactionTime ?? clock.GetUtcNow();
        var (result, window) = await guard.RunAsync(card, "dcvv2.verify", client, c => CheckAsync(card, key, value, time, c), ct);
        return (result, result.IsMatch ? window : null);
    }

    private async Task<(VerificationResult Result, Dcvv2Window? Payload)> CheckAsync(CardContext card, KeyHandle key, string value, DateTimeOffset time, CancellationToken ct)
    {
        var settings = card.Range.Dcvv2;
        var grace = TimeSpan.FromSeconds(settings.GraceSeconds);
        var issuances = await store.IssuancesAsync(card.Fingerprint, ct);

        // The window of the transaction time, and the one before it while within grace of its end; each only if issued.
        var candidates = issuances.Select(i => i.WindowMinutes).Distinct()
            .SelectMany(minutes =>
            {
                var current = Dcvv2Window.Containing(time, minutes);
                var previous = current.Next(-1);
                return time - previous.ValidUntil <= grace ? new[] { current, previous } : [current];
            })
            .Where(w => issuances.Any(i => i.Covers(w.Index, w.Minutes)))
            .ToList();

        if (candidates.Count == 0)
        {
            var expired = issuances.Count > 0 && issuances.All(i => time > new Dcvv2Window(i.LastWindow, i.WindowMinutes).ValidUntil + grace);
            return (VerificationResult.NoMatch(expired ? MismatchReason.WindowExpired : MismatchReason.WindowNotIssued), null);
        }
        foreach (var window in candidates)
        {
            if (!crypto.VerifyDcvv2(key, card.Pan.Digits, window.Index, value))
            {
                continue;
            }
            if (settings.SingleUse && !await store.TryUseWindowAsync(card.Fingerprint, window.Index, window.Minutes, clock.GetUtcNow().UtcDateTime, ct))
            {
                return (VerificationResult.NoMatch(MismatchReason.AlreadyUsed), window);
            }
            return (VerificationResult.Matched, window);
        }
        return (VerificationResult.NoMatch(MismatchReason.ValueMismatch), null);
    }
}
