using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.ThreeDSecure;

/// <summary>
/// The record of truth of one authentication, written once when it becomes final and never changed: its outcome and message
/// trace (PAN masked, no code, no authentication value), linked to the record before it in its writer's chain
/// (<see cref="HistoryChain"/>).
/// </summary>
public sealed record ThreeDsHistoryRecord
{
    public long Id { get; init; }
    public Guid AcsTransId { get; init; }
    public required string ThreeDsServerTransId { get; init; }
    public required string MaskedPan { get; init; }
    /// <summary>The first digits the masked PAN shows (6 of a PAN of 16 digits or more) and the last 4, for the history's filters.</summary>
    public required string Bin { get; init; }
    public required string Last4 { get; init; }
    public Network Network { get; init; }
    public DeviceChannel Channel { get; init; }
    public MessageCategory Category { get; init; }
    public required string TransStatus { get; init; }
    public string? TransStatusReason { get; init; }
    public string? Eci { get; init; }
    public long? Amount { get; init; }
    public string? Currency { get; init; }
    public int? Exponent { get; init; }
    public string? MerchantName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime CompletedAt { get; init; }
    public IReadOnlyList<ThreeDsMessage> Trace { get; init; } = [];
    public string Chain { get; init; } = "";
    public long Seq { get; init; }
    public byte[] Link { get; init; } = [];

    /// <summary>The record of a final authentication, before it is chained.</summary>
    public static ThreeDsHistoryRecord Of(ThreeDsAuthentication a) => new()
    {
        AcsTransId = a.AcsTransId,
        ThreeDsServerTransId = a.ThreeDsServerTransId,
        MaskedPan = a.MaskedPan,
        Bin = a.MaskedPan[..a.MaskedPan.IndexOf('*')],
        Last4 = a.MaskedPan[^4..],
        Network = a.Network,
        Channel = a.Channel,
        Category = a.Category,
        TransStatus = a.TransStatus,
        TransStatusReason = a.TransStatusReason,
        Eci = a.Eci,
        Amount = a.Amount,
        Currency = a.Currency,
        Exponent = a.Exponent,
        MerchantName = a.MerchantName,
        CreatedAt = a.CreatedAt,
        CompletedAt = a.CompletedAt ?? a.CreatedAt,
        Trace = a.Trace,
    };
}

/// <summary>Where a chain's purged records ended: the number and link the chain's first remaining record follows.</summary>
public sealed class HistoryCheckpoint
{
    public required string Chain { get; init; }
    public long NextSeq { get; set; }
    public required byte[] Link { get; set; }
    public DateTime PurgedAt { get; set; }
}
