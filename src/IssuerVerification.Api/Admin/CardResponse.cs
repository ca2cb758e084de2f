using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Api.Admin;

/// <param name="MaskedPan">First 6 and last 4 digits (a PAN under 16 digits: last 4 and at most half its digits).</param>
/// <param name="Cardholder">Name and bankApp as given; phone and email masked (e.g. +*******0100, s***@example.com), never in clear.</param>
public sealed record CardResponse(Guid CardId, string MaskedPan, string Expiry, string Psn, CardStatus Status, CardholderDto Cardholder, DateTime CreatedAt);
