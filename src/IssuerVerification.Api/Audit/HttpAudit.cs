using IssuerVerification.Api.Logging;
using IssuerVerification.Domain.Audit;

namespace IssuerVerification.Api.Audit;

/// <summary>Audit records the HTTP layer writes (refused requests, administrative actions, replays), and the request context they carry.</summary>
public static class HttpAudit
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>
    /// Gives every request its <see cref="AuditContext"/> (request id, sent back in <c>X-Request-Id</c>, and source address),
    /// so every record written on its behalf carries them.
    /// </summary>
    public static IApplicationBuilder UseAuditContext(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
        AuditContext.Current = new AuditContext(http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString());
        await next(http);
    });

    /// <summary>The operation a request is for: its endpoint's operationId, else its method and path (shortened, PAN-like digits redacted).</summary>
    public static string Operation(HttpContext http)
    {
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? PanRedaction.Redact($"{http.Request.Method} {http.Request.Path}");
        return Shorten(operation);
    }

    /// <summary>At most 120 characters of a name a caller chose, so a record stays small.</summary>
    public static string Shorten(string text) => text.Length <= 120 ? text : text[..120];

    /// <summary>Writes a record now (durable when this completes).</summary>
    public static Task WriteAsync(HttpContext http, string client, string action, string? target, string outcome, string? reason)
    {
        var services = http.RequestServices;
        return services.GetRequiredService<IAuditLog>().WriteAsync(new AuditEntry
        {
            At = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            Client = client,
            Action = action,
            Target = target,
            Outcome = outcome,
            Reason = reason,
        }, CancellationToken.None);
    }
}
