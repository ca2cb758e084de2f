namespace IssuerVerification.Domain.Cards;

/// <summary>A card stored before PANs and contacts were bound to the fingerprint, with the contacts it still holds in clear.</summary>
public sealed record LegacyCard(Card Card, string? Phone, string? Email);
