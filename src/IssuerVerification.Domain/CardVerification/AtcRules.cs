using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.CardVerification;

/// <summary>
/// Application transaction counter rules per card and application: an ATC is accepted only above the last
/// accepted one and at most <see cref="MaxStep"/> above it. A no_match never advances it.
/// </summary>
public sealed class AtcRules(IAtcStore counters)
{
    public const int MaxStep = 1000;

    /// <summary>Runs <paramref name="verify"/> and, on a match, claims the ATC with one conditional update.</summary>
    public async Task<VerificationResult> VerifyAsync(byte[] fingerprint, string application, int atc, Func<bool> verify, CancellationToken ct)
    {
        if (!verify())
        {
            return VerificationResult.NoMatch(MismatchReason.ValueMismatch);
        }
        // Of concurrent requests with one ATC exactly one wins the conditional update; the others are replays.
        if (await counters.TryAdvanceAtcAsync(fingerprint, application, atc, MaxStep, ct))
        {
            return VerificationResult.Matched;
        }
        var last = await counters.LastAtcAsync(fingerprint, application, ct);
        return VerificationResult.NoMatch(atc > last + MaxStep ? MismatchReason.AtcOutOfRange : MismatchReason.AtcReplay);
    }
}
