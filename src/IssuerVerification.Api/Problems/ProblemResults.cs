using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Problems;

/// <summary>Typed problem results for handlers that name them in their signature.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ProblemTypes.Forbidden);
}
