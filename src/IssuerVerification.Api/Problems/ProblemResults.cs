using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IssuerVerification.Api.Problems;

/// <summary>Typed problem results for handlers that name them in their signature.</summary>
public static class ProblemResults
{
    public static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Type = ProblemTypes.NotFound, Title = "Not found", Detail = detail });
}
