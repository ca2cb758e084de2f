using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// One request to raise a token's trust and its step-up. Holds no PAN, OTP or contact: the card by id (or its fingerprint when
/// unknown), the OTP as a keyed hash, the ID&amp;V methods masked.
/// </summary>
public sealed class TokenVerification
{
    public Guid Id { get; init; }
    public TokenRequestType RequestType { get; init; }
    public Network Network { get; init; }
    public required string TokenReference { get; init; }
    /// <summary>The registered card; null when the PAN is not registered.</summary>
    public Guid? CardId { get; init; }
    public required byte[] CardFingerprint { get; init; }
    public required string RequestorId { get; init; }
    public string? RequestorName { get; init; }
    public string? MerchantId { get; init; }
    public string? DeviceId { get; init; }
    public string? DeviceName { get; init; }
    public string? DeviceType { get; init; }
    public string? PasskeyCredentialId { get; init; }
    public int? RiskScore { get; init; }
    public string? CallbackUrl { get; init; }
    public TokenDecision Decision { get; init; }
    public TokenVerificationStatus Status { get; set; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<IdvMethod> IdvMethods { get; init; } = [];
    /// <summary>The thresholds of the card's range when the verification was made.</summary>
    public int OtpMaxAttempts { get; init; }
    public int OtpMaxSends { get; init; }
    /// <summary>Keyed hash of the OTP last sent; null when none is outstanding.</summary>
    public byte[]? OtpHash { get; set; }
    public int OtpSends { get; set; }
    public int OtpFailures { get; set; }
    public DateTime ExpiresAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The status as a reader sees it now: a step-up past its time is expired even before the sweep makes it so.</summary>
    public TokenVerificationStatus StatusAt(DateTime now) =>
        Status == TokenVerificationStatus.PendingIdv && now >= ExpiresAt ? TokenVerificationStatus.Expired : Status;

    public int AttemptsRemaining => Math.Max(0, OtpMaxAttempts - OtpFailures);

    /// <summary>What a binding binds: a device id or a passkey credential id (device binding only).</summary>
    public string? BindingSubject => SubjectOf(RequestType, DeviceId, PasskeyCredentialId);

    public static string? SubjectOf(TokenRequestType type, string? deviceId, string? passkeyCredentialId) =>
        type != TokenRequestType.DeviceBinding ? null
        : deviceId is not null ? "device:" + deviceId
        : passkeyCredentialId is not null ? "passkey:" + passkeyCredentialId
        : null;
}
