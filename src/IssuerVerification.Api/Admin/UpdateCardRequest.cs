using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Api.Admin;

public sealed record UpdateCardRequest(CardStatus? Status = null, CardholderDto? Cardholder = null);
