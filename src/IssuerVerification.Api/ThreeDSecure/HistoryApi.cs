using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.ThreeDSecure;

public static class HistoryApi
{
    /// <summary>The authentication history (scope 3ds:history): every authentication whatever its outcome, and its integrity.</summary>
    public static IEndpointRouteBuilder MapThreeDsHistory(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/3ds/history").WithTags("3-D Secure history").RequireRateLimiting(RateLimiting.PerClient)
            .RequireScope(Scopes.ThreeDsHistory).WithValidation();
        group.MapGet("/", List).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Authentications, newest first, filtered and paged; CSV with Accept: text/csv")
            .WithName("ListAuthenticationHistory").WithDescription($"One record per final authentication (abandoned challenges as N/14 once timed out). from (inclusive) and to (exclusive) filter the creation time; bin is the first 6 digits; pageSize at most {ThreeDsHistory.MaxPageSize} (50 by default). With Accept: text/csv the same page comes as CSV (header row, the item members as columns).");
        group.MapGet("/integrity", Integrity)
            .WithSummary("Recompute the history's hash chains")
            .WithName("CheckAuthenticationHistory").WithDescription("Checks every record against the one before it in its chain (from the chain's retention checkpoint): records counts those checked, firstBroken names the first changed record or the first after a missing one, null when the history is intact.");
        group.MapGet("/{acsTransID:guid}", Get).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One authentication's record with its message trace")
            .WithName("GetAuthenticationHistory").WithDescription("The record and its trace: AReq (the elements the ACS uses, the PAN masked, only the names of the others), ARes, each CReq/CRes step and the result; never the code or the authentication value.");
        return routes;
    }

    private static async Task<Results<Ok<HistoryPageResponse>, FileContentHttpResult>> List(
        [AsParameters] HistoryQueryParameters query, ThreeDsHistory history, HttpRequest http, CancellationToken ct)
    {
        var page = await history.QueryAsync(query.ToQuery(), ct);
        var items = page.Items.Select(HistoryItemResponse.Of).ToList();
        if (http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.File(HistoryCsv.Write(items), "text/csv", "3ds-history.csv");
        }
        return TypedResults.Ok(new HistoryPageResponse(items, page.Page, page.PageSize, page.Total));
    }

    private static async Task<Ok<HistoryRecordResponse>> Get(Guid acsTransID, ThreeDsHistory history, CancellationToken ct) =>
        TypedResults.Ok(HistoryRecordResponse.Of(await history.FindAsync(acsTransID, ct)));

    private static async Task<Ok<HistoryIntegrityResponse>> Integrity(ThreeDsHistory history, CancellationToken ct)
    {
        var check = await history.CheckAsync(ct);
        return TypedResults.Ok(new HistoryIntegrityResponse(check.Records, check.FirstBroken));
    }
}
