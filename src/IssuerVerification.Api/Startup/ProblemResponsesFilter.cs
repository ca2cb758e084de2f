using IssuerVerification.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// Each problem response says which problem <c>type</c>s it carries (docs/errors.md), and every operation lists 500,
/// which any request can get. The statuses themselves come from the endpoints' metadata (filters, ProducesProblem).
/// </summary>
internal sealed class ProblemResponsesFilter : IOperationFilter
{
    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = Describe("The request is invalid; `errors` maps each field to its messages", ProblemTypes.Validation),
        [401] = Describe("No API key, or an unknown or revoked one", ProblemTypes.Unauthorized),
        [403] = Describe("The API key lacks this endpoint's scope", ProblemTypes.Forbidden),
        [404] = Describe("No such resource", ProblemTypes.NotFound),
        [409] = Describe("The resource exists already, a token verification is not in the status this call needs, or the Idempotency-Key was used with another request or its first request is still running",
            ProblemTypes.Conflict, ProblemTypes.IdempotencyKeyReuse, ProblemTypes.IdempotencyKeyInProgress),
        [413] = Describe("The body is over 64 KiB", ProblemTypes.PayloadTooLarge),
        [415] = Describe("The body is not application/json", ProblemTypes.UnsupportedMediaType),
        [422] = Describe("The card cannot be served: no card range, no key for this operation, or (generate) a card that is not active",
            ProblemTypes.For("no-card-range"), ProblemTypes.For("no-key"), ProblemTypes.For("card-not-active")),
        [429] = Describe("Over the client's rate limit; see Retry-After", ProblemTypes.RateLimited),
        [500] = Describe("Any other failure", ProblemTypes.Internal),
        [503] = Describe("The store or the crypto device is unreachable (or, for readiness, not migrated)", ProblemTypes.StoreUnavailable, ProblemTypes.CryptoUnavailable),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("500"))
        {
            operation.Responses["500"] = new OpenApiResponse
            {
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
                },
            };
        }
        foreach (var (status, response) in operation.Responses)
        {
            if (int.TryParse(status, out var code) && Types.TryGetValue(code, out var description) && response is OpenApiResponse editable)
            {
                editable.Description = description;
            }
        }
    }

    private static string Describe(string when, params string[] types) =>
        $"{when}. Problem type: {string.Join(" or ", types.Select(t => $"`{t}`"))}.";
}
