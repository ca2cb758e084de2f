using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IssuerVerification.Api.Health;

public sealed record HealthResponse(string Status);
