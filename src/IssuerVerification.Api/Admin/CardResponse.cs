using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Api.Admin;

public sealed record CardResponse(Guid CardId, string MaskedPan, string Expiry, string Psn, CardStatus Status, CardholderDto Cardholder, DateTime CreatedAt);
