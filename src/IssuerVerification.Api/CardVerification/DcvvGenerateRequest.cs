namespace IssuerVerification.Api.CardVerification;

/// <param name="ServiceCode">The card's track-2 service code, 3 digits.</param>
/// <param name="Atc">Application transaction counter, 4 hex.</param>
public sealed record DcvvGenerateRequest(string Pan, string Expiry, string ServiceCode, string Atc);
