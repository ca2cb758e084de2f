using IssuerVerification.Api.Audit;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Clients;

namespace IssuerVerification.Api.Admin;

public static class AdminApi
{
    /// <summary>Keys, card ranges, cards, clients and the audit trail (scope <c>admin</c>; every change audited), and key ceremonies (admin and custodians; each step audited).</summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder routes) =>
        routes.MapKeyCeremonies().MapGroup("/v1/admin")
            .RequireScope(Scopes.Admin)
            .RequireRateLimiting(RateLimiting.PerClient)
            .AddEndpointFilter<AdminAuditFilter>()
            .MapKeys()
            .MapCardRanges()
            .MapCards()
            .MapClients()
            .MapAudit();
}
