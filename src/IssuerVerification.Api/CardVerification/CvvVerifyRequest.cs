using IssuerVerification.Domain.CardVerification;

namespace IssuerVerification.Api.CardVerification;

/// <param name="Value">The CVV1, CVV2 or iCVV to verify, 3 digits.</param>
public sealed record CvvVerifyRequest(string Pan, string Expiry, CvvKind Kind, string Value, string? ServiceCode = null);
