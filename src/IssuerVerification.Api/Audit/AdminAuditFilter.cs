using IssuerVerification.Api.Auth;
using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Api.Audit;

/// <summary>
/// Audits every administrative change (any admin request but a GET) under its operationId: what it was on (the route's
/// identifiers, or the Location of what it created) and whether it changed something or was refused, and why. A change
/// whose domain service wrote a more precise record itself (a range update saying what changed, a retired key) or that
/// was an idempotent replay gets no second record.
/// </summary>
internal sealed class AdminAuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return await next(invocation);
        }
        object? result;
        try
        {
            result = await next(invocation);
        }
        catch (Exception e) when (Refusal(e) is { } reason)
        {
            await WriteAsync(http, Target(http, null), AuditOutcomes.Refused, reason);
            throw;
        }
        if (AuditContext.Current is not { Written: true })
        {
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            await WriteAsync(http, Target(http, result), status < 400 ? AuditOutcomes.Changed : AuditOutcomes.Refused,
                status < 400 ? null : status == StatusCodes.Status400BadRequest ? "invalid" : status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return result;
    }

    private static Task WriteAsync(HttpContext http, string? target, string outcome, string? reason) =>
        HttpAudit.WriteAsync(http, http.User.ClientName(), HttpAudit.Operation(http), target, outcome, reason);

    /// <summary>Why a change was refused, for the exceptions that answer 4xx; null for the others (a fault, not a refusal).</summary>
    private static string? Refusal(Exception e) => e switch
    {
        NotFoundException => "not_found",
        ConflictException => "conflict",
        InvalidFieldException or BadHttpRequestException => "invalid",
        CannotServeException c => c.Code,
        _ => null,
    };

    /// <summary>The route's identifiers (alias, id), else the Location of what the request created.</summary>
    private static string? Target(HttpContext http, object? result)
    {
        var route = string.Join(' ', http.Request.RouteValues.Select(v => $"{v.Key}={v.Value}"));
        return route.Length > 0 ? HttpAudit.Shorten(route) : result?.GetType().GetProperty("Location")?.GetValue(result) as string;
    }
}
