namespace IssuerVerification.Api.CardVerification;

public sealed record DcvvGenerateResponse(string Dcvv);
