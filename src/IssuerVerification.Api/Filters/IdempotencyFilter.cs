using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssuerVerification.Api.Audit;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Problems;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IssuerVerification.Api.Filters;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that create something. The first request with a key reserves it atomically and its
/// successful response is kept (sealed, per client). A request with the same key and body waits for that response and
/// gets it again (with its Location), or 409 in-progress with Retry-After if it takes longer than <see cref="WaitLimit"/>;
/// with a different body it gets 409 reuse. A request that produced no response to keep gives the key up again.
/// A record lives <see cref="Lifetime"/>: after that it is neither replayed nor blocks its key, and
/// the retention job deletes it (Retention:Idempotency). The request is kept only as a keyed hash: its body may hold a PAN.
/// </summary>
public static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);
    /// <summary>A reservation this old whose request never answered (its replica died) is taken over by the next request.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

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
        if (key.Length > MaxKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [HeaderName] = [$"At most {MaxKeyLength} characters."] },
                "The Idempotency-Key header is too long.", type: ProblemTypes.Validation, title: "The request is invalid.");
        }
        var services = http.RequestServices;
        var store = services.GetRequiredService<IIdempotencyStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var ct = http.RequestAborted;
        var reservation = new IdempotencyRecord
        {
            Client = http.User.ClientId(),
            Key = key,
            RequestHash = await HashAsync(http, body < 0 ? null : invocation.Arguments[body], json, services.GetRequiredService<SecretHasher>()),
            SealedBody = [],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        var waited = Stopwatch.StartNew();
        while (!await store.TryReserveAsync(reservation, ct))
        {
            var first = await store.FindAsync(reservation.Client, key, ct);
            if (first is null)
            {
                continue; // given up meanwhile: try to reserve again
            }
            if (clock.GetUtcNow().UtcDateTime - first.CreatedAt > Lifetime)
            {
                await store.RemoveAsync(reservation.Client, key, first.CreatedAt, ct);
                continue; // expired: the key is free again
            }
            if (!CryptographicOperations.FixedTimeEquals(first.RequestHash, reservation.RequestHash))
            {
                return TypedResults.Problem("This Idempotency-Key was used with a different request.",
                    statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key reuse", type: ProblemTypes.IdempotencyKeyReuse);
            }
            if (first.IsCompleted)
            {
                await HttpAudit.WriteAsync(http, http.User.ClientName(), "idempotent-replay", HttpAudit.Operation(http), AuditOutcomes.Replayed,
                    first.Location);
                return new ReplayResult(first.StatusCode, first.Location, await services.GetRequiredService<Sealer>().UnsealAsync(first.SealedBody, ct));
            }
            var now = clock.GetUtcNow().UtcDateTime;
            if (now - first.CreatedAt > AbandonedAfter && await store.TryTakeOverAsync(reservation.Client, key, first.CreatedAt, now, ct))
            {
                break;
            }
            if (waited.Elapsed > WaitLimit)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Problem("A request with this Idempotency-Key is still in progress; retry to get its response.",
                    statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key in progress", type: ProblemTypes.IdempotencyKeyInProgress);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25), ct);
        }
        return await RunReservedAsync(invocation, next, reservation, store, services, json);
    }

    /// <summary>Runs the handler for the request that holds the reservation; keeps a successful response, else gives the key up.</summary>
    private static async ValueTask<object?> RunReservedAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next,
        IdempotencyRecord reservation, IIdempotencyStore store, IServiceProvider services, JsonSerializerOptions json)
    {
        var kept = false;
        try
        {
            var result = await next(invocation);
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } status and IValueHttpResult value)
            {
                var sealer = services.GetRequiredService<Sealer>();
                await store.CompleteAsync(new IdempotencyRecord
                {
                    Client = reservation.Client,
                    Key = reservation.Key,
                    RequestHash = reservation.RequestHash,
                    StatusCode = status.StatusCode!.Value,
                    SealedBody = await sealer.SealAsync(JsonSerializer.SerializeToUtf8Bytes(value.Value, json), CancellationToken.None),
                    Location = result.GetType().GetProperty("Location")?.GetValue(result) as string,
                    CreatedAt = reservation.CreatedAt,
                }, CancellationToken.None);
                kept = true;
            }
            return result;
        }
        finally
        {
            if (!kept)
            {
                await store.ReleaseAsync(reservation.Client, reservation.Key, CancellationToken.None);
            }
        }
    }

    /// <summary>What makes two requests the same: method and path (with its route values), the client, the JSON body.</summary>
    private static Task<byte[]> HashAsync(HttpContext http, object? body, JsonSerializerOptions json, SecretHasher hasher)
    {
        var text = $"{http.Request.Method} {http.Request.Path} {http.User.ClientId()} {JsonSerializer.Serialize(body, json)}";
        return hasher.HashAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
    }

    private sealed class ReplayResult(int statusCode, string? location, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
