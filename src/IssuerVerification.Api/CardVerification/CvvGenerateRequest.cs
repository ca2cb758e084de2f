using IssuerVerification.Domain.CardVerification;

namespace IssuerVerification.Api.CardVerification;

/// <param name="Pan">12–19 digits, Luhn-valid.</param>
/// <param name="Expiry">YYMM, as on the track.</param>
/// <param name="Kind">cvv1 (track), cvv2 (printed) or icvv (chip).</param>
/// <param name="ServiceCode">The card's service code, 3 digits; cvv1 only.</param>
public sealed record CvvGenerateRequest(string Pan, string Expiry, CvvKind Kind, string? ServiceCode = null);
