namespace IssuerVerification.Api.Problems;

/// <summary>Problems the framework writes itself (415 on a wrong media type, 404 on an unknown route) get this API's types and a detail.</summary>
internal static class FrameworkProblems
{
    public static void UseOurTypes(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && problem.Type.StartsWith(ProblemTypes.For(""), StringComparison.Ordinal))
        {
            return;
        }
        (problem.Type, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => (ProblemTypes.NotFound, problem.Detail ?? "No such resource."),
            StatusCodes.Status405MethodNotAllowed => (ProblemTypes.For("method-not-allowed"), problem.Detail ?? "This method is not allowed here."),
            StatusCodes.Status413PayloadTooLarge => (ProblemTypes.PayloadTooLarge, "The request body is over 64 KiB."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.UnsupportedMediaType, "Send the body as application/json."),
            _ => (problem.Type, problem.Detail),
        };
    }
}
