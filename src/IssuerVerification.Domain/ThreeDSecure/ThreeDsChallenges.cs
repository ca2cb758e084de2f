using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Delivery;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The challenge of an authentication, one service for both channels (the browser page and the app's JSON CReq;
/// docs/3ds-challenge-api.md): open (sends the first code), resend (3 sends at most), submit a code, cancel, and the
/// time-out 10 minutes after the ARes. A 6-digit code goes to the cardholder's phone or email through the delivery port
/// (purpose <c>3ds_challenge</c>, reference the acsTransID) and is kept only as a keyed hash. Every step is a conditional
/// write on the version it read, so concurrent steps on one challenge end in exactly one outcome.
/// </summary>
public sealed class ThreeDsChallenges(
    IThreeDsStore store, AccessControlServer acs, ICardStore cards, PanProtector pans, CardRanges ranges, AuthenticationValues values,
    SecretHasher hasher, IMessageDelivery delivery, IssuerMetrics metrics, TimeProvider clock)
{
    public const string Purpose = "3ds_challenge";
    public const int MaxSends = 3;
    /// <summary>EMV authenticationType 02: dynamic (a one-time code).</summary>
    public const string AuthenticationType = "02";
    public const string CancelledByCardholder = "01";
    private const int Tries = 8;

    /// <summary>Opens the challenge: sends the first code, or shows the challenge again once a code was sent.</summary>
    public Task<ChallengeState> OpenAsync(Guid acsTransId, CancellationToken ct) =>
        StepAsync(acsTransId, "open", async (a, now) => a.Sends == 0 ? await SendAsync(a, ChallengeStep.Opened, ct) : new(ChallengeStep.Opened), ct);

    /// <summary>Sends a new code (it replaces the previous one); <see cref="ConflictException"/> once all sends are used.</summary>
    public Task<ChallengeState> ResendAsync(Guid acsTransId, CancellationToken ct) =>
        StepAsync(acsTransId, "resend", async (a, now) => a.SendsRemaining > 0
            ? await SendAsync(a, ChallengeStep.Resent, ct)
            : throw new ConflictException($"All {a.ChallengeMaxSends} codes of this challenge were sent."), ct);

    /// <summary>
    /// Checks the code in constant time: the right one makes the authentication Y (with its authentication value); a wrong one
    /// counts, and the last one allowed (challengeMaxAttempts) makes it N/19.
    /// </summary>
    public Task<ChallengeState> SubmitAsync(Guid acsTransId, string code, CancellationToken ct) =>
        StepAsync(acsTransId, "submit", async (a, now) =>
        {
            var expected = a.CodeHash ?? throw new ConflictException("No code was sent for this challenge: open it first.");
            if (CryptographicOperations.FixedTimeEquals(await HashAsync(a.AcsTransId, code, ct), expected))
            {
                var pan = await pans.DecryptAsync(a.PanEncrypted!, a.CardFingerprint, ct);
                var value = await values.ComputeAsync(pan, await ranges.ForAsync(pan, ct), TransStatus.Authenticated, challenged: true, a.MerchantName, ct);
                return new(ChallengeStep.Final, await acs.FinishAsync(a, TransStatus.Authenticated, null, value, now, ct));
            }
            a.Failures++;
            return a.Failures < a.ChallengeMaxAttempts ? new(ChallengeStep.WrongCode)
                : new(ChallengeStep.Final, await acs.FinishAsync(a, TransStatus.NotAuthenticated, TransStatus.ReasonExceedsMaxChallenges, null, now, ct));
        }, ct);

    /// <summary>The cardholder cancelled (challengeCancel, 01 by default): N/01.</summary>
    public Task<ChallengeState> CancelAsync(Guid acsTransId, string challengeCancel, CancellationToken ct) =>
        StepAsync(acsTransId, "cancel", async (a, now) =>
        {
            a.ChallengeCancel = challengeCancel;
            return new(ChallengeStep.Final, await acs.FinishAsync(a, TransStatus.NotAuthenticated, TransStatus.ReasonCardAuthenticationFailed, null, now, ct));
        }, ct);

    /// <summary>The challenge as it stands, without a step (<see cref="NotFoundException"/> when unknown).</summary>
    public async Task<ChallengeState> GetAsync(Guid acsTransId, CancellationToken ct) =>
        ChallengeState.Of(await FindAsync(acsTransId, ct), ChallengeStep.Opened);

    /// <summary>Makes challenges past their time N/14 (each with its history record); returns how many.</summary>
    public async Task<int> TimeOutDueAsync(CancellationToken ct)
    {
        var timedOut = 0;
        foreach (var due in await store.DueForTimeoutAsync(Now, 100, ct))
        {
            var readVersion = due.Version;
            await acs.FinishAsync(due, TransStatus.NotAuthenticated, TransStatus.ReasonTransactionTimedOut, null, Now, ct);
            due.Version = readVersion + 1;
            if (await store.TryUpdateAsync(due, readVersion, null, ct))
            {
                metrics.ThreeDsResult(due.TransStatus);
                timedOut++;
            }
        }
        return timedOut;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Reads the challenge, refuses a final one (<see cref="ConflictException"/>), ends one past its time as N/14, else applies
    /// the step and writes it if nothing changed the challenge meanwhile (else reads it again).
    /// </summary>
    private async Task<ChallengeState> StepAsync(Guid acsTransId, string action,
        Func<ThreeDsAuthentication, DateTime, Task<StepOutcome>> step, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            var a = await FindAsync(acsTransId, ct);
            if (a.IsFinal)
            {
                throw new ConflictException($"The authentication is final ({a.TransStatus}); its challenge takes no more steps.");
            }
            var readVersion = a.Version;
            var now = Now;
            a.Trace.Add(new ThreeDsMessage("CReq", now, new Dictionary<string, string?> { ["action"] = action }));
            var outcome = now >= a.ExpiresAt
                ? new(ChallengeStep.Final, await acs.FinishAsync(a, TransStatus.NotAuthenticated, TransStatus.ReasonTransactionTimedOut, null, now, ct))
                : await step(a, now);
            // The CRes answers the CReq; a final step's Result follows it.
            a.Trace.Insert(a.IsFinal ? a.Trace.Count - 1 : a.Trace.Count, new ThreeDsMessage("CRes", now, new Dictionary<string, string?>
            {
                ["transStatus"] = a.IsFinal ? a.TransStatus : null,
                ["challengeCompletionInd"] = a.IsFinal ? "Y" : "N",
                ["attemptsRemaining"] = a.AttemptsRemaining.ToString(CultureInfo.InvariantCulture),
                ["sendsRemaining"] = a.SendsRemaining.ToString(CultureInfo.InvariantCulture),
            }));
            a.Version = readVersion + 1;
            if (await store.TryUpdateAsync(a, readVersion, outcome.Value, ct))
            {
                if (a.IsFinal)
                {
                    metrics.ThreeDsResult(a.TransStatus);
                }
                if (outcome.Message is { } message)
                {
                    await delivery.SendAsync(message, ct);
                }
                return ChallengeState.Of(a, outcome.Step);
            }
        }
        throw new ConflictException("The challenge changed too often meanwhile; try again.");
    }

    /// <summary>A new code: its hash replaces the previous one; the message goes out once the change is stored.</summary>
    private async Task<StepOutcome> SendAsync(ThreeDsAuthentication a, ChallengeStep step, CancellationToken ct)
    {
        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        a.CodeHash = await HashAsync(a.AcsTransId, code, ct);
        a.Sends++;
        var card = await cards.FindAsync(a.CardId!.Value, ct) ?? throw new NotFoundException("The card is no longer registered.");
        var contacts = await pans.OpenCardholderAsync(card.Cardholder, card.PanFingerprint, ct);
        var recipient = (a.DeliveryChannel == "email" ? contacts.Email : contacts.Phone)
            ?? throw new ConflictException("The cardholder's contact for this challenge was removed.");
        return new StepOutcome(step, null, new DeliveryMessage(a.DeliveryChannel!, recipient, Purpose, a.AcsTransId.ToString(), code));
    }

    private Task<byte[]> HashAsync(Guid acsTransId, string code, CancellationToken ct) =>
        hasher.HashAsync(Encoding.UTF8.GetBytes($"3ds-code:{acsTransId}:{code}"), ct);

    private sealed record StepOutcome(ChallengeStep Step, IssuedValue? Value = null, DeliveryMessage? Message = null);

    private async Task<ThreeDsAuthentication> FindAsync(Guid acsTransId, CancellationToken ct) =>
        await store.FindAsync(acsTransId, ct) ?? throw new NotFoundException($"No authentication with acsTransID {acsTransId}.");
}
