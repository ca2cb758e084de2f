namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// A challenge as a UI shows it after a step: what to show (merchant, amount with its currency and exponent, masked PAN,
/// where the code went), what is left, and, once <see cref="IsFinal"/>, the final status the CRes carries.
/// </summary>
public sealed record ChallengeState(
    Guid AcsTransId, string ThreeDsServerTransId, string MessageVersion, DeviceChannel Channel,
    string? MerchantName, long? Amount, string? Currency, int? Exponent, string MaskedPan,
    string? DeliveryChannel, string? MaskedRecipient, int AttemptsRemaining, int SendsRemaining, DateTime ExpiresAt,
    string TransStatus, string? TransStatusReason, string? ChallengeCancel, string? NotificationUrl, ChallengeStep Step)
{
    public bool IsFinal => ThreeDSecure.TransStatus.IsFinal(TransStatus);

    public static ChallengeState Of(ThreeDsAuthentication a, ChallengeStep step) => new(
        a.AcsTransId, a.ThreeDsServerTransId, a.MessageVersion, a.Channel, a.MerchantName, a.Amount, a.Currency, a.Exponent,
        a.MaskedPan, a.DeliveryChannel, a.MaskedRecipient, a.AttemptsRemaining, a.SendsRemaining, a.ExpiresAt,
        a.TransStatus, a.TransStatusReason, a.ChallengeCancel, a.NotificationUrl, step);
}

/// <summary>What the last step did.</summary>
public enum ChallengeStep
{
    /// <summary>The challenge was opened (the first code sent) or shown again.</summary>
    Opened,
    /// <summary>A new code was sent, replacing the previous one.</summary>
    Resent,
    /// <summary>The code was wrong; attempts remain (or none: then the state is final N/19).</summary>
    WrongCode,
    /// <summary>The challenge ended: right code (Y), cancel (N/01), attempts exhausted (N/19) or time over (N/14).</summary>
    Final,
}
