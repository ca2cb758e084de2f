namespace IssuerVerification.Api.Admin;

public sealed record RewrapResponse(int Rewrapped);
