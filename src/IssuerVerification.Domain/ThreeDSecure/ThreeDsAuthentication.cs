using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// One authentication (AReq to final result) and its challenge state. Holds no PAN, code or authentication value in clear:
/// the card by fingerprint and masked PAN, the code as a keyed hash, the value sealed. Every change goes through the store
/// with the <see cref="Version"/> it was read at, so two replicas never both change one authentication.
/// </summary>
public sealed class ThreeDsAuthentication
{
    public Guid AcsTransId { get; init; }
    public required string ThreeDsServerTransId { get; init; }
    /// <summary>Keyed hash of the AReq as received: the same AReq again gets the first ARes, another one a conflict.</summary>
    public required byte[] RequestHash { get; init; }
    public required string MessageVersion { get; init; }
    public DeviceChannel Channel { get; init; }
    public MessageCategory Category { get; init; }
    public Network Network { get; init; }
    public required byte[] CardFingerprint { get; init; }
    public Guid? CardId { get; init; }
    /// <summary>The PAN encrypted, while a challenge is pending (its authentication value needs it); dropped when final.</summary>
    public byte[]? PanEncrypted { get; set; }
    public required string MaskedPan { get; init; }
    public long? Amount { get; init; }
    public string? Currency { get; init; }
    public int? Exponent { get; init; }
    public string? MerchantName { get; init; }
    public string? NotificationUrl { get; init; }
    /// <summary>The ARes: C while a challenge is pending, then the final status.</summary>
    public required string AresStatus { get; init; }
    public string? AresReason { get; init; }
    public string TransStatus { get; set; } = ThreeDSecure.TransStatus.Challenge;
    public string? TransStatusReason { get; set; }
    public string? Eci { get; set; }
    /// <summary>The authentication value (Y, A), sealed; the ARes and the result show it, the history never does.</summary>
    public byte[]? SealedValue { get; set; }
    /// <summary>How the challenge code goes out (<c>cell_phone</c> or <c>email</c>) and to whom, masked.</summary>
    public string? DeliveryChannel { get; init; }
    public string? MaskedRecipient { get; init; }
    public int ChallengeMaxAttempts { get; init; }
    public int ChallengeMaxSends { get; init; } = ThreeDsChallenges.MaxSends;
    public byte[]? CodeHash { get; set; }
    public int Sends { get; set; }
    public int Failures { get; set; }
    /// <summary><c>challengeCancel</c> of the CReq that cancelled, when one did.</summary>
    public string? ChallengeCancel { get; set; }
    /// <summary>The message trace while the authentication is built or its challenge pending; the history record keeps it
    /// once final (an authentication final at its ARes is stored without it).</summary>
    public List<ThreeDsMessage> Trace { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; init; }
    /// <summary>The challenge must be finished before this (10 minutes after the ARes).</summary>
    public DateTime ExpiresAt { get; init; }
    public DateTime? CompletedAt { get; set; }

    public bool IsFinal => ThreeDSecure.TransStatus.IsFinal(TransStatus);
    public int AttemptsRemaining => Math.Max(0, ChallengeMaxAttempts - Failures);
    public int SendsRemaining => Math.Max(0, ChallengeMaxSends - Sends);
    /// <summary>Pending and within its time: a challenge step may change it.</summary>
    public bool IsOpenAt(DateTime now) => !IsFinal && now < ExpiresAt;
}
