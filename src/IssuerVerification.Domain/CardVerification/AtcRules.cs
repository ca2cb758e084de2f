using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.CardVerification;

/// <summary>
/// Application transaction counter rules per card and application: an ATC is accepted only above the last
/// accepted one and at most <see cref="MaxStep"/> above it. A no_match never advances it.
/// </summary>
public sealed class AtcRules(IAtcStore counters)
{
    public const int MaxStep = 1000;

    /// <summary>
    /// Refuses an ATC the rules refuse before <paramref name="verify"/> runs, so that a replay never tells whether its value
    /// was right; runs it otherwise and, on a match, claims the ATC with one conditional update.
    /// </summary>
    public async Task<VerificationResult> VerifyAsync(byte[] fingerprint, string application, int atc, Func<bool> verify, CancellationToken ct)
    {
        if (Refusal(atc, await counters.LastAtcAsync(fingerprint, application, ct)) is { } refused)
        {
            return VerificationResult.NoMatch(refused);
        }
        if (!verify())
        {
            return VerificationResult.NoMatch(MismatchReason.ValueMismatch);
        }
        // Of concurrent requests with one ATC exactly one wins the conditional update; the others are replays.
        if (await counters.TryAdvanceAtcAsync(fingerprint, application, atc, MaxStep, ct))
        {
            return VerificationResult.Matched;
        }
        return VerificationResult.NoMatch(Refusal(atc, await counters.LastAtcAsync(fingerprint, application, ct)) ?? MismatchReason.AtcReplay);
    }

    /// <summary>Why the rules refuse <paramref name="atc"/> after <paramref name="last"/>, or null (any ATC is accepted first).</summary>
    private static MismatchReason? Refusal(int atc, int? last) =>
        last is null ? null
        : atc <= last ? MismatchReason.AtcReplay
        : atc > last + MaxStep ? MismatchReason.AtcOutOfRange
        : null;
}
