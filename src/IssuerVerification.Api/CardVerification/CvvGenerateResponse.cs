namespace IssuerVerification.Api.CardVerification;

public sealed record CvvGenerateResponse(string Value);
