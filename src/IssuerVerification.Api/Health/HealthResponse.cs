namespace IssuerVerification.Api.Health;

public sealed record HealthResponse(string Status);
