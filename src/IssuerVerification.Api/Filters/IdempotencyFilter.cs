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
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var body = BodyParameter(context.MethodInfo, context.ApplicationServices.GetRequiredService<IServiceProviderIsService>());
            return invocation => InvokeAsync(invocation, body, next);
        });
        builder.Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status409Conflict, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"])));
        return builder;
    }

    /// <summary>
    /// The index of the handler's JSON body parameter (-1 when it has none): the one complex parameter that is not a
    /// service. Route values are part of the path, which is hashed; services are not part of the request at all.
    /// </summary>
    internal static int BodyParameter(System.Reflection.MethodInfo handler, IServiceProviderIsService services) =>
        Array.FindIndex(handler.GetParameters(), p => p.ParameterType is { IsClass: true } type && type != typeof(string)
            && type != typeof(HttpContext) && type != typeof(System.Security.Claims.ClaimsPrincipal) && !services.IsService(type));

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, int body, EndpointFilterDelegate next)
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
        var requestHash = Hash(http, client, body < 0 ? null : invocation.Arguments[body], json);

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
            await store.TryAddAsync(new IdempotencyRecord
            {
                Client = client,
                Key = key,
                RequestHash = requestHash,
                StatusCode = status.StatusCode!.Value,
                SealedBody = await sealer.SealAsync(JsonSerializer.SerializeToUtf8Bytes(value.Value, json), http.RequestAborted),
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            }, http.RequestAborted);
        }
        return result;
    }

    /// <summary>What makes two requests the same: method and path (with its route values), the client, the JSON body.</summary>
    private static byte[] Hash(HttpContext http, string client, object? body, JsonSerializerOptions json)
    {
        var text = $"{http.Request.Method} {http.Request.Path} {client} {JsonSerializer.Serialize(body, json)}";
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
