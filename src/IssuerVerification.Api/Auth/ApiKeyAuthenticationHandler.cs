using System.Security.Claims;
using System.Text.Encodings.Web;
using IssuerVerification.Api.Audit;
using IssuerVerification.Api.Problems;
using IssuerVerification.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IssuerVerification.Api.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header; answers 401/403 as problem details.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ClientDirectory clients, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[HeaderName].ToString();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var client = key.Length <= 256 ? await clients.AuthenticateAsync(key, Context.RequestAborted) : null;
        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, client.Id.ToString()), new(ClaimTypes.Name, client.Name) };
        claims.AddRange(client.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Audited (durable before the answer): the operation, and the key's prefix, never the key (docs/audit.md).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var key = Request.Headers[HeaderName].ToString();
        await HttpAudit.WriteAsync(Context, "anonymous", "authenticate", HttpAudit.Operation(Context), AuditOutcomes.Refused,
            key.Length == 0 ? "no_key" : $"unknown_key {KeyPrefix(key)}");
        await WriteAsync(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized",
            $"Send a valid API key in the {HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await HttpAudit.WriteAsync(Context, Context.User.ClientName(), "authorize", HttpAudit.Operation(Context), AuditOutcomes.Refused, "missing_scope");
        await WriteAsync(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden",
            "The API key does not have the scope this endpoint needs.");
    }

    /// <summary>
    /// Enough of a key to tell which one was tried: the first 4 random characters of one of ours (24 of its 256 bits),
    /// nothing of any other string (it may be a password pasted by mistake), only its length.
    /// </summary>
    internal static string KeyPrefix(string key) =>
        key.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) && key.Length >= 40 ? key[..(ApiKeys.Prefix.Length + 4)] + "…" : $"({key.Length} characters)";

    private async Task WriteAsync(int status, string type, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
