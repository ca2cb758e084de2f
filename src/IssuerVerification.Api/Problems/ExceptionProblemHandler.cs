using System.Text.Json;
using IssuerVerification.Api.Json;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IssuerVerification.Api.Problems;

/// <summary>The one place where exceptions become RFC 9457 problems. No exception text reaches a client unless it is ours.</summary>
internal sealed class ExceptionProblemHandler(IProblemDetailsService problems, IStoreFaults storeFaults, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (exception is KeyIntegrityException)
        {
            // Our own text: the alias and what was checked, never key material.
            logger.LogError("{Message}", exception.Message);
        }
        else if (problem.Status >= 500)
        {
            // Type only: a provider's message could carry data we must not log.
            logger.LogError("Request failed with {ExceptionType}", exception.GetType().FullName);
        }
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal ProblemDetails ToProblem(Exception exception) => exception switch
    {
        InvalidFieldException e => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
        { Status = 400, Type = ProblemTypes.Validation, Title = "The request is invalid.", Detail = e.Message },
        NotFoundException e => Problem(404, ProblemTypes.NotFound, "Not found", e.Message),
        ConflictException e => Problem(409, ProblemTypes.Conflict, "Conflict", e.Message),
        CardIntegrityException e => Problem(500, ProblemTypes.CardIntegrity, "Card data failed its integrity check", e.Message),
        CannotServeException e => Problem(422, ProblemTypes.For(e.Code), e.Title, e.Message),
        BadHttpRequestException e => FromBadRequest(e),
        CryptoUnavailableException => Problem(503, ProblemTypes.CryptoUnavailable, "Crypto device unavailable",
            "The crypto device (HSM or token) cannot be reached. Nothing was changed; retry later."),
        _ when storeFaults.IsUnavailable(exception) => Problem(503, ProblemTypes.StoreUnavailable, "Store unavailable",
            "The store cannot be reached. Nothing was changed; retry later."),
        _ => Problem(500, ProblemTypes.Internal, "Internal error", "The request failed. It has been logged."),
    };

    private static ProblemDetails FromBadRequest(BadHttpRequestException e) => e.StatusCode switch
    {
        413 => Problem(413, ProblemTypes.PayloadTooLarge, "Payload too large", "The request body is over 64 KiB."),
        415 => Problem(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
        _ when e.InnerException is JsonException j && MissingProperties(j.Message) is { Length: > 0 } missing =>
            new HttpValidationProblemDetails(missing.ToDictionary(name => name, _ => Required))
            { Status = 400, Type = ProblemTypes.Validation, Title = "The request is invalid.", Detail = "Required fields are missing." },
        _ => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(e)] = [MessageOf(e)] })
        { Status = 400, Type = ProblemTypes.Validation, Title = "The request is invalid.", Detail = MessageOf(e) },
    };

    /// <summary>The JSON path of a body that failed to bind, as a field name (<c>$.keys.cvv1</c> → <c>keys.cvv1</c>).</summary>
    private static string FieldOf(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: { Length: > 2 } path } => path[2..],
        _ => "body",
    };

    private static readonly string[] Required = ["The field is required."];

    /// <summary>Every name in System.Text.Json's "missing required properties including: 'pan', 'atc'." (none: empty).</summary>
    private static string[] MissingProperties(string message)
    {
        var at = message.IndexOf("including: ", StringComparison.Ordinal);
        return at < 0 ? [] : [.. message[at..].Split('\'').Where((_, i) => i % 2 == 1)];
    }

    private static string MessageOf(BadHttpRequestException e) => e.InnerException switch
    {
        JsonFieldException j => j.Message,
        // System.Text.Json says these only in its message (AllowDuplicateProperties, UnmappedMemberHandling in JsonSetup).
        JsonException j when j.Message.StartsWith("Duplicate propert", StringComparison.Ordinal) => "Duplicate property.",
        JsonException j when j.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
            "Unknown property (names are camelCase and case-sensitive).",
        JsonException { Path: { Length: > 2 } } => "The value is null where not allowed, or not of the expected type or enum.",
        JsonException => "The body is not valid JSON.",
        _ when e.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase) => "A JSON body is required.",
        _ => "The request could not be read.",
    };

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };
}
