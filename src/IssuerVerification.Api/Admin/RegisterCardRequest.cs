using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Api.Admin;

/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="Expiry">YYMM.</param>
/// <param name="Psn">PAN sequence number, 2 digits (default 00).</param>
public sealed record RegisterCardRequest(string Pan, string Expiry, string? Psn = null, CardStatus? Status = null, CardholderDto? Cardholder = null);
