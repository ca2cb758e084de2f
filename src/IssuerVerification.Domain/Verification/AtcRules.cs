namespace IssuerVerification.Domain.Verification;

/// <summary>
/// Application transaction counter rules per card and application: an ATC is accepted only above the last
/// accepted one and at most <see cref="MaxStep"/> above it. A no_match never advances it.
/// </summary>
public sealed class AtcRules(ICounterStore counters)
{
    public const int MaxStep = 1000;

    /// <summary>Checks the ATC, runs <paramref name="verify"/>, and on a match claims the ATC atomically.</summary>
    public async Task<VerificationResult> VerifyAsync(byte[] fingerprint, string application, int atc, Func<bool> verify, CancellationToken ct)
    {
        var last = await counters.LastAtcAsync(fingerprint, application, ct);
        if (atc <= last)
        {
            return VerificationResult.NoMatch(MismatchReason.AtcReplay);
        }
        if (atc > last + MaxStep)
        {
            return VerificationResult.NoMatch(MismatchReason.AtcOutOfRange);
        }
        if (!verify())
        {
            return VerificationResult.NoMatch(MismatchReason.ValueMismatch);
        }
        // Of concurrent requests with one ATC exactly one wins the conditional update; the others are replays.
        return await counters.TryAdvanceAtcAsync(fingerprint, application, atc, MaxStep, ct)
            ? VerificationResult.Matched
            : VerificationResult.NoMatch(MismatchReason.AtcReplay);
    }
}
