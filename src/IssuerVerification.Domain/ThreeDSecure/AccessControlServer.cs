using System.Security.Cryptography;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Telemetry;
using IssuerVerification.Domain.Tokens;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The ACS: answers an AReq (frictionless, challenge or refusal, docs/3ds.md), replays the first ARes for the same AReq,
/// gives the final result, and checks authentication values it issued.
/// </summary>
public sealed class AccessControlServer(
    IThreeDsStore store, PanProtector pans, CardRanges ranges, CardStateCache states, AuthenticationValues values,
    SecretHasher hasher, Sealer sealer, IssuerMetrics metrics, TimeProvider clock)
{
    public static readonly TimeSpan ChallengeTime = TimeSpan.FromMinutes(10);

    public async Task<AuthenticationResult> AuthenticateAsync(AuthenticationRequest request, CancellationToken ct)
    {
        // No lookup first: the store refuses a second AReq with one threeDSServerTransID (its unique index), and only then
        // is the first one read (the same AReq gets the first ARes, another one a conflict).
        var requestHash = await hasher.HashAsync([.. "3ds-areq:"u8, .. request.Canonical], ct);
        var pan = request.Pan;
        var fingerprint = await pans.FingerprintAsync(pan, ct);
        var state = await states.GetAsync(fingerprint, ct);
        var range = state.Card is null ? null : await ranges.ForAsync(pan, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = range?.ThreeDs ?? new ThreeDsSettings();
        var (status, reason) = ThreeDsDecisions.Decide(state, settings,
            request.Category == MessageCategory.Payment ? request.Amount : null, request.ChallengeIndicator, now);
        (string Channel, string Masked)? contact = null;
        if (status == TransStatus.Challenge)
        {
            // The sealed contacts are opened only for a challenge (a frictionless answer never needs them).
            contact = Contact(await pans.OpenCardholderAsync(state.Card!.Cardholder, fingerprint, ct));
            (status, reason) = ThreeDsDecisions.Challenge(contact is not null);
        }
        var network = range?.Network ?? (pan.Digits[0] == '4' ? Network.Visa : Network.Mastercard);
        var authentication = new ThreeDsAuthentication
        {
            AcsTransId = Guid.CreateVersion7(),
            ThreeDsServerTransId = request.ThreeDsServerTransId,
            RequestHash = requestHash,
            MessageVersion = request.MessageVersion,
            Channel = request.Channel,
            Category = request.Category,
            Network = network,
            CardFingerprint = fingerprint,
            CardId = state.Card?.Id,
            PanEncrypted = status == TransStatus.Challenge ? await pans.EncryptAsync(pan, fingerprint, ct) : null,
            MaskedPan = pan.Masked,
            Amount = request.Amount,
            Currency = request.Currency,
            Exponent = request.Exponent,
            MerchantName = request.MerchantName,
            NotificationUrl = request.NotificationUrl,
            AresStatus = status,
            AresReason = reason,
            DeliveryChannel = contact?.Channel,
            MaskedRecipient = contact?.Masked,
            ChallengeMaxAttempts = settings.ChallengeMaxAttempts,
            CreatedAt = now,
            ExpiresAt = now + ChallengeTime,
            Trace = [request.Trace],
        };
        byte[]? value = null;
        if (TransStatus.CarriesValue(status))
        {
            value = await values.ComputeAsync(pan, range!, status, challenged: false, request.MerchantName, ct);
        }
        var issued = await FinishAsync(authentication, status, reason, value, now, ct);
        authentication.Trace.Add(Ares(authentication));
        if (!await store.TryAddAsync(authentication, issued, ct))
        {
            return await ReplayAsync(request.ThreeDsServerTransId, requestHash, ct)
                ?? throw new ConflictException("Another AReq with this threeDSServerTransID was being answered; try again.");
        }
        metrics.ThreeDsResult(status);
        return new AuthenticationResult(authentication, value is null ? null : Convert.ToBase64String(value));
    }

    /// <summary>The authentication with its value (the final result once it is final).</summary>
    public async Task<AuthenticationResult> ResultAsync(Guid acsTransId, CancellationToken ct)
    {
        var authentication = await store.FindAsync(acsTransId, ct) ?? throw new NotFoundException($"No authentication with acsTransID {acsTransId}.");
        return await WithValueAsync(authentication, ct);
    }

    /// <summary>Checks a value against the values issued for the PAN: a match once, already_used after.</summary>
    public async Task<VerificationResult> VerifyValueAsync(Pan pan, byte[] value, CancellationToken ct)
    {
        var fingerprint = await pans.FingerprintAsync(pan, ct);
        return await store.UseValueAsync(await ValueHashAsync(fingerprint, value, ct), clock.GetUtcNow().UtcDateTime, ct) switch
        {
            ValueUse.Used => VerificationResult.Matched,
            ValueUse.AlreadyUsed => VerificationResult.NoMatch(MismatchReason.AlreadyUsed),
            _ => VerificationResult.NoMatch(MismatchReason.ValueMismatch),
        };
    }

    /// <summary>
    /// Makes <paramref name="a"/> final with this status (its ECI, the sealed value on Y and A, the Result step of the trace);
    /// returns the issued value to record with it. The caller stores the authentication.
    /// </summary>
    internal async Task<IssuedValue?> FinishAsync(ThreeDsAuthentication a, string status, string? reason, byte[]? value, DateTime now, CancellationToken ct)
    {
        a.TransStatus = status;
        if (!TransStatus.IsFinal(status))
        {
            return null;
        }
        a.TransStatusReason = reason;
        a.Eci = Eci.For(a.Network, status);
        a.CompletedAt = now;
        a.CodeHash = null;
        a.PanEncrypted = null;
        a.Trace.Add(new ThreeDsMessage("Result", now, new Dictionary<string, string?>
        {
            ["transStatus"] = status,
            ["transStatusReason"] = reason,
            ["eci"] = a.Eci,
            ["challengeCancel"] = a.ChallengeCancel,
        }));
        if (value is null)
        {
            return null;
        }
        a.SealedValue = await sealer.SealAsync(value, ct);
        return new IssuedValue { ValueHash = await ValueHashAsync(a.CardFingerprint, value, ct), AcsTransId = a.AcsTransId, IssuedAt = now };
    }

    internal async Task<AuthenticationResult> WithValueAsync(ThreeDsAuthentication a, CancellationToken ct) =>
        new(a, a.SealedValue is { } sealedValue ? Convert.ToBase64String(await sealer.UnsealAsync(sealedValue, ct)) : null);

    private async Task<AuthenticationResult?> ReplayAsync(string serverTransId, byte[] requestHash, CancellationToken ct)
    {
        if (await store.FindByServerTransIdAsync(serverTransId, ct) is not { } first)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(first.RequestHash, requestHash))
        {
            throw new ConflictException($"threeDSServerTransID {serverTransId} was used for another AReq.");
        }
        // The first ARes: its status as answered then, whatever the challenge did since.
        var result = await WithValueAsync(first, ct);
        return first.AresStatus == TransStatus.Challenge ? result with { AuthenticationValue = null } : result;
    }

    private static ThreeDsMessage Ares(ThreeDsAuthentication a) => new("ARes", a.CreatedAt, new Dictionary<string, string?>
    {
        ["messageVersion"] = a.MessageVersion,
        ["threeDSServerTransID"] = a.ThreeDsServerTransId,
        ["acsTransID"] = a.AcsTransId.ToString(),
        ["transStatus"] = a.AresStatus,
        ["transStatusReason"] = a.AresReason,
        ["eci"] = Eci.For(a.Network, a.AresStatus),
        ["authenticationType"] = a.AresStatus == TransStatus.Challenge ? ThreeDsChallenges.AuthenticationType : null,
    });

    private static (string Channel, string Masked)? Contact(Cardholder c) =>
        c.Phone is { Length: > 0 } phone ? ("cell_phone", ContactMask.Phone(phone))
        : c.Email is { Length: > 0 } email ? ("email", ContactMask.Email(email))
        : null;

    private Task<byte[]> ValueHashAsync(byte[] fingerprint, byte[] value, CancellationToken ct) =>
        hasher.HashAsync([.. "3ds-value:"u8, .. fingerprint, .. value], ct);
}
