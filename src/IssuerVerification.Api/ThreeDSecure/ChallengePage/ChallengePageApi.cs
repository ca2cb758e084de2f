using IssuerVerification.Api.Limits;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// The cardholder's challenge page (the ARes <c>acsURL</c>): plain HTML for a browser in the requestor's iframe, so
/// anonymous (the browser has no API key), limited per remote address, and left out of the OpenAPI document (it is not
/// JSON; docs/3ds-challenge-page.md describes it).
/// </summary>
public static class ChallengePageApi
{
    public const string Path = "/3ds/challenge";
    private const int MaxSessionData = 1024;

    public static IEndpointRouteBuilder MapChallengePage(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], Open).AsPage();
        return routes;
    }

    private static RouteHandlerBuilder AsPage(this RouteHandlerBuilder page) =>
        page.AllowAnonymous().ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(RateLimiting.PerAddress);

    /// <summary>The requestor's page posts <c>creq</c> and <c>threeDSSessionData</c>: the first step shows the form.</summary>
    private static async Task<IResult> Open(HttpContext http, CancellationToken ct)
    {
        var fields = await FieldsAsync(http, ct);
        var creq = ChallengeRequest.TryDecode(fields("creq"));
        var session = fields("threeDSSessionData") ?? "";
        if (creq is null || session.Length > MaxSessionData)
        {
            return ChallengePageResponse.Error(http, "The challenge request is missing or malformed.");
        }
        return ChallengePageResponse.Error(http, "This challenge is unknown or already finished.");
    }

    /// <summary>A form field, or (a GET) a query parameter.</summary>
    private static async Task<Func<string, string?>> FieldsAsync(HttpContext http, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        return name => form?[name] is { Count: > 0 } value ? value.ToString() : http.Request.Query[name] is { Count: > 0 } query ? query.ToString() : null;
    }
}
