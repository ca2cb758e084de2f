using System.Security.Claims;
using IssuerVerification.Domain.Clients;

namespace IssuerVerification.Api.Auth;

public static class ScopeAuthorization
{
    /// <summary>
    /// Requires an API key with <paramref name="scope"/> (or <c>admin</c>, which implies every scope but the value-generating
    /// ones, <see cref="Scopes.ValueGenerating"/>) and documents 401/403.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => Scopes.Grant(c.User.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(claim => claim.Value), scope)))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The calling client's name, for audit records.</summary>
    public static string ClientName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string ClientId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
}
