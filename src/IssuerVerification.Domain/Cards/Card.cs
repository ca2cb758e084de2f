namespace IssuerVerification.Domain.Cards;

/// <summary>A registered card. The PAN is kept only as keyed fingerprint, ciphertext and masked form.</summary>
public sealed class Card
{
    public Guid Id { get; init; }
    public required byte[] PanFingerprint { get; init; }
    public required byte[] PanEncrypted { get; init; }
    public required string MaskedPan { get; init; }
    public required string Expiry { get; set; }
    public string Psn { get; set; } = "00";
    public CardStatus Status { get; set; }
    public Cardholder Cardholder { get; set; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
