using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Clients;

namespace IssuerVerification.Api.Admin;

public static class AdminApi
{
    /// <summary>Keys, card ranges, cards and clients (scope <c>admin</c>), and key ceremonies (admin and custodians).</summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder routes) =>
        routes.MapKeyCeremonies().MapGroup("/v1/admin")
            .RequireScope(Scopes.Admin)
            .RequireRateLimiting(RateLimiting.PerClient)
            .MapKeys()
            .MapCardRanges()
            .MapCards()
            .MapClients();
}
