using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Problems;
using IssuerVerification.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IssuerVerification.Api.Filters;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that create something: the first response is kept (sealed, per client);
/// a replay with the same key and body gets it again, with a different body a 409.
/// </summary>
public static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var key = http.Request.Headers[HeaderName].ToString();
            if (key.Length == 0)
            {
                return await next(invocation);
            }
            if (key.Length > 200)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [HeaderName] = ["At most 200 characters."] },
                    type: ProblemTypes.Validation);
            }
            var services = http.RequestServices;
            var store = services.GetRequiredService<IIdempotencyStore>();
            var sealer = services.GetRequiredService<Sealer>();
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var client = http.User.ClientId();
            var requestHash = Hash(http, invocation.Arguments, json);

            var previous = await store.FindAsync(client, key, http.RequestAborted);
            if (previous is not null)
            {
                return CryptographicOperations.FixedTimeEquals(previous.RequestHash, requestHash)
                    ? Replay(previous.StatusCode, await sealer.UnsealAsync(previous.SealedBody, http.RequestAborted))
                    : TypedResults.Problem("This Idempotency-Key was used with a different request.",
                        statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key reuse", type: ProblemTypes.IdempotencyKeyReuse);
            }

            var result = await next(invocation);
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } status and IValueHttpResult value)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(value.Value, json);
                await store.TryAddAsync(new IdempotencyRecord
                {
                    Client = client,
                    Key = key,
                    RequestHash = requestHash,
                    StatusCode = status.StatusCode!.Value,
                    SealedBody = await sealer.SealAsync(body, http.RequestAborted),
                    CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                }, http.RequestAborted);
            }
            return result;
        });
        builder.Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status409Conflict, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"])));
        return builder;
    }

    private static byte[] Hash(HttpContext http, IList<object?> arguments, JsonSerializerOptions json)
    {
        // Route values and request bodies; injected services are not part of the request.
        var bound = arguments.Where(a => a is string or Guid || a?.GetType().Namespace?.StartsWith("IssuerVerification.Api", StringComparison.Ordinal) == true);
        var text = http.Request.Method + " " + http.Request.Path + " " + JsonSerializer.Serialize(bound.ToArray(), json);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    private static ReplayResult Replay(int statusCode, byte[] body) => new ReplayResult(statusCode, body);

    private sealed class ReplayResult(int statusCode, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
