namespace IssuerVerification.Domain.Cards;

/// <summary>
/// A registered card. The PAN is kept only as keyed fingerprint, ciphertext bound to that fingerprint and masked form;
/// the cardholder's phone and email only sealed, bound to the fingerprint too.
/// </summary>
public sealed class Card
{
    /// <summary>PAN encrypted without binding and contacts in clear: rows written before this version, upgraded at start-up.</summary>
    public const int UnboundAtRestVersion = 1;
    /// <summary>PAN ciphertext and sealed contacts bound to the card's fingerprint.</summary>
    public const int CurrentAtRestVersion = 2;

    public Guid Id { get; init; }
    public required byte[] PanFingerprint { get; init; }
    public required byte[] PanEncrypted { get; set; }
    public required string MaskedPan { get; set; }
    public required string Expiry { get; set; }
    public string Psn { get; set; } = "00";
    public CardStatus Status { get; set; }
    public StoredCardholder Cardholder { get; set; } = new();
    /// <summary>How the PAN and the contacts are kept: <see cref="UnboundAtRestVersion"/> or <see cref="CurrentAtRestVersion"/>.</summary>
    public int AtRestVersion { get; set; } = CurrentAtRestVersion;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
