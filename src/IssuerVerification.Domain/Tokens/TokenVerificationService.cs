using System.Security.Cryptography;
using System.Text;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Delivery;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// Token verification: the decision, the OTP and issuer-app step-ups, and the final statuses with their bindings and callbacks.
/// Every change is a conditional update in the store, so the rules hold across replicas.
/// </summary>
public sealed class TokenVerificationService(
    ITokenVerificationStore store, ICardStore cards, PanProtector pans, CardRanges ranges, CardStateCache states,
    SecretHasher hasher, IMessageDelivery delivery, IAuditLog audit, IssuerMetrics metrics, StepUps stepUps, TimeProvider clock)
{
    public const string Purpose = "token_verification";

    public async Task<TokenVerification> CreateAsync(TokenVerificationRequest request, string client, CancellationToken ct)
    {
        var (pan, fingerprint) = await CardOfAsync(request, ct);
        var state = await states.GetAsync(fingerprint, ct);
        var card = state.Card;
        var settings = card is null ? new TokenVerificationSettings() : (await ranges.ForAsync(pan, ct)).TokenVerification;
        var now = Now;
        var subject = TokenVerification.SubjectOf(request.RequestType, request.DeviceId, request.PasskeyCredentialId);
        // Whether the device is bound already decides only a device binding without a risk score (TokenDecisions).
        var deviceKnown = subject is null || request.RiskScore is not null ? (bool?)null : await store.IsBoundAsync(request.TokenReference, subject, ct);
        var input = new TokenDecisionInput(
            TokenDecisions.Standing(card, state.Lockout.LockedUntil, now), request.RiskScore, request.Recommendation, deviceKnown, HasIdvMethod: true);
        var (decision, reasons) = TokenDecisions.Decide(input, settings);
        // The cardholder's contacts are opened only for a step-up that offers them; a yellow without any is red.
        IReadOnlyList<IdvMethod> methods = [];
        if (decision == TokenDecision.Yellow)
        {
            methods = IdvMethods.For(request.Network, await pans.OpenCardholderAsync(card!.Cardholder, card.PanFingerprint, ct));
            if (methods.Count == 0)
            {
                (decision, reasons) = TokenDecisions.Decide(input with { HasIdvMethod = false }, settings);
            }
        }
        var verification = new TokenVerification
        {
            Id = Guid.CreateVersion7(),
            RequestType = request.RequestType,
            Network = request.Network,
            TokenReference = request.TokenReference,
            CardId = card?.Id,
            CardFingerprint = fingerprint,
            RequestorId = request.RequestorId,
            RequestorName = request.RequestorName,
            MerchantId = request.MerchantId,
            DeviceId = request.DeviceId,
            DeviceName = request.DeviceName,
            DeviceType = request.DeviceType,
            PasskeyCredentialId = request.PasskeyCredentialId,
            RiskScore = request.RiskScore,
            CallbackUrl = request.CallbackUrl,
            Decision = decision,
            Status = TokenStatuses.Initial(decision),
            Reasons = reasons,
            IdvMethods = methods,
            OtpMaxAttempts = settings.OtpMaxAttempts,
            OtpMaxSends = settings.OtpMaxSends,
            ExpiresAt = now.AddMinutes(settings.StepUpMinutes),
            CreatedAt = now,
            UpdatedAt = now,
        };

        var status = verification.Status;
        await store.AddAsync(verification,
            status.Binds() ? TokenBinding.Of(verification, now) : null,
            status.IsFinal() ? TokenCallback.For(verification, status, now) : null,
            Record(client, "token.verify", verification.Id, fingerprint, decision.ToString().ToLowerInvariant(), string.Join(' ', reasons)), ct);
        metrics.TokenDecided(decision.ToString().ToLowerInvariant());
        stepUps.Remember(verification, now);
        return verification;
    }

    public async Task<TokenVerification> GetAsync(Guid id, CancellationToken ct) =>
        await store.FindAsync(id, ct) ?? throw new NotFoundException($"No token verification with id {id}.");

    public async Task<IReadOnlyList<TokenBinding>> BindingsAsync(string tokenReference, CancellationToken ct) =>
        await store.BindingsAsync(tokenReference, ct);

    /// <summary>
    /// Generates an OTP, keeps its keyed hash (replacing the previous one) and delivers it over the method. The step-up's
    /// fixed fields come from this replica's copy when it has one; the store's conditional update decides the rest. On the
    /// outbox channel the message is stored by that update's transaction: a send that counts always has its message.
    /// </summary>
    public async Task<DateTime> SendOtpAsync(Guid id, string methodId, string client, CancellationToken ct)
    {
        var stepUp = stepUps.Find(id, Now) ?? StepUp.Of(await PendingAsync(id, ct));
        var method = stepUp.IdvMethods.FirstOrDefault(m => m.Id == methodId)
            ?? throw new InvalidFieldException("methodId", $"'{methodId}' is not one of this verification's ID&V methods.");
        if (!method.Type.SendsOtp())
        {
            throw new InvalidFieldException("methodId", "The bank app has no OTP: the issuer app answers through app-decision.");
        }
        var card = (await states.GetAsync(stepUp.CardFingerprint, ct)).Card ?? throw new NotFoundException("The card is no longer registered.");
        var code = RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var message = new DeliveryMessage(Channel(method.Type), await RecipientAsync(method.Type, card, ct), Purpose, id.ToString(), code);
        var stored = await delivery.StoredAsync(message, ct);
        var record = Record(client, "token.otp.send", stepUp.Id, stepUp.CardFingerprint, "sent", method.Type.ToString());
        if (!await store.TryReplaceOtpAsync(id, await HashAsync(id, code, ct), Now, stored, record, ct))
        {
            var current = await GetAsync(id, ct);
            throw current.StatusAt(Now) == TokenVerificationStatus.PendingIdv
                ? new ConflictException($"All {current.OtpMaxSends} OTPs of this verification were sent.")
                : WrongState(current);
        }
        // The new OTP is issued (its hash replaced the previous one, with its record): on the outbox channel it was stored too.
        if (stored is null)
        {
            await DeliverAsync(message, ct);
        }
        else
        {
            metrics.DeliveryAttempted(message.Channel, null);
        }
        return stepUp.ExpiresAt;
    }

    /// <summary>Checks an OTP in constant time: the right one verifies (once), a wrong one counts until the step-up fails.</summary>
    public async Task<OtpCheck> VerifyOtpAsync(Guid id, string otp, string client, CancellationToken ct)
    {
        var verification = await PendingAsync(id, ct);
        var expected = verification.OtpHash ?? throw new ConflictException("No OTP was sent for this verification.");
        if (CryptographicOperations.FixedTimeEquals(await HashAsync(id, otp, ct), expected))
        {
            return await FinishAsync(verification, TokenVerificationStatus.Verified, expected, client, ct)
                ? new OtpCheck(TokenVerificationStatus.Verified, verification.AttemptsRemaining)
                : throw await WrongStateAsync(id, ct);
        }
        var failures = await store.TryCountFailureAsync(id, expected, Now, TokenCallback.For(verification, TokenVerificationStatus.Failed, Now), ct)
            ?? throw await WrongStateAsync(id, ct);
        var check = new OtpCheck(failures >= verification.OtpMaxAttempts ? TokenVerificationStatus.Failed : TokenVerificationStatus.PendingIdv,
            Math.Max(0, verification.OtpMaxAttempts - failures));
        await AuditAsync(client, "token.otp.verify", verification, AuditOutcomes.NoMatch, $"{check.AttemptsRemaining} attempts remaining", ct);
        if (check.Status == TokenVerificationStatus.Failed)
        {
            stepUps.Forget(id);
            metrics.StepUpEnded("failed");
            await AuditAsync(client, "token.status", verification, "failed", null, ct);
        }
        return check;
    }

    /// <summary>The issuer app's answer for a bank-app or push step-up: verified, or declined.</summary>
    public async Task<TokenVerification> AppDecisionAsync(Guid id, bool approved, string client, CancellationToken ct)
    {
        var verification = await PendingAsync(id, ct);
        if (!verification.IdvMethods.Any(m => m.Type is IdvMethodType.BankApp or IdvMethodType.Push))
        {
            throw new ConflictException("This verification offers no issuer-app method.");
        }
        var status = approved ? TokenVerificationStatus.Verified : TokenVerificationStatus.Declined;
        if (!await FinishAsync(verification, status, null, client, ct))
        {
            throw await WrongStateAsync(id, ct);
        }
        return await GetAsync(id, ct);
    }

    /// <summary>Makes expired step-ups final (with their callbacks); returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var expired = 0;
        foreach (var verification in await store.DueForExpiryAsync(Now, 100, ct))
        {
            if (await FinishAsync(verification, TokenVerificationStatus.Expired, null, "expiry-sweep", ct))
            {
                expired++;
            }
        }
        return expired;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> FinishAsync(TokenVerification v, TokenVerificationStatus status, byte[]? expectedOtpHash, string client, CancellationToken ct)
    {
        var now = Now;
        var finish = new TokenFinish(v.Id, status, expectedOtpHash, now,
            status.Binds() ? TokenBinding.Of(v, now) : null, TokenCallback.For(v, status, now));
        if (!await store.TryFinishAsync(finish, ct))
        {
            return false;
        }
        stepUps.Forget(v.Id);
        metrics.StepUpEnded(status.ToString().ToLowerInvariant());
        await AuditAsync(client, "token.status", v, status.ToString().ToLowerInvariant(), null, ct);
        return true;
    }

    private async Task DeliverAsync(DeliveryMessage message, CancellationToken ct)
    {
        try
        {
            await delivery.SendAsync(message, ct);
        }
        catch (Exception e)
        {
            metrics.DeliveryAttempted(message.Channel, e.GetType().FullName);
            throw;
        }
        metrics.DeliveryAttempted(message.Channel, null);
    }

    private async Task<TokenVerification> PendingAsync(Guid id, CancellationToken ct)
    {
        var verification = await GetAsync(id, ct);
        stepUps.Remember(verification, Now);
        return verification.StatusAt(Now) == TokenVerificationStatus.PendingIdv ? verification : throw WrongState(verification);
    }

    private async Task<ConflictException> WrongStateAsync(Guid id, CancellationToken ct) => WrongState(await GetAsync(id, ct));

    private ConflictException WrongState(TokenVerification v) =>
        new($"The verification is {Snake(v.StatusAt(Now))}; this call needs pending_idv.");

    private async Task<(Pan Pan, byte[] Fingerprint)> CardOfAsync(TokenVerificationRequest request, CancellationToken ct)
    {
        if (request.CardId is { } cardId)
        {
            var card = await cards.FindAsync(cardId, ct) ?? throw new NotFoundException($"No card with id {cardId}.");
            return (await pans.DecryptAsync(card.PanEncrypted, card.PanFingerprint, ct), card.PanFingerprint);
        }
        return (request.Pan!, await pans.FingerprintAsync(request.Pan!, ct));
    }

    private Task<byte[]> HashAsync(Guid id, string otp, CancellationToken ct) =>
        hasher.HashAsync(Encoding.UTF8.GetBytes($"token-otp:{id}:{otp}"), ct);

    private Task AuditAsync(string client, string action, TokenVerification v, string outcome, string? reason, CancellationToken ct) =>
        audit.WriteAsync(Record(client, action, v.Id, v.CardFingerprint, outcome, reason), ct);

    private AuditEntry Record(string client, string action, Guid id, byte[] cardFingerprint, string outcome, string? reason) => new()
    {
        At = Now,
        Client = client,
        Action = action,
        CardFingerprint = cardFingerprint,
        Outcome = outcome,
        Reason = reason is null ? $"verification {id}" : $"verification {id}: {reason}",
    };

    private static string Channel(IdvMethodType type) => type switch
    {
        IdvMethodType.CellPhone => "cell_phone",
        IdvMethodType.Email => "email",
        _ => "push",
    };

    private async Task<string> RecipientAsync(IdvMethodType type, Card card, CancellationToken ct) => type switch
    {
        IdvMethodType.CellPhone => (await pans.OpenCardholderAsync(card.Cardholder, card.PanFingerprint, ct)).Phone!,
        IdvMethodType.Email => (await pans.OpenCardholderAsync(card.Cardholder, card.PanFingerprint, ct)).Email!,
        _ => $"card:{card.Id}",
    };

    private static string Snake(TokenVerificationStatus status) =>
        status == TokenVerificationStatus.PendingIdv ? "pending_idv" : status.ToString().ToLowerInvariant();
}
