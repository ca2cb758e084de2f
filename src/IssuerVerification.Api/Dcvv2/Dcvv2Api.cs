using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Dcvv2;
using IssuerVerification.Domain.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Dcvv2;

public static class Dcvv2Api
{
    /// <summary>dCVV2 generate (scope dcvv2:generate) and verify (scope card:verify).</summary>
    public static RouteGroupBuilder MapDcvv2(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/dcvv2").WithTags("dCVV2").RequireRateLimiting(RateLimiting.PerClient)
            .WithValidation().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/generate", Generate).RequireScope(Scopes.Dcvv2Generate).WithIdempotency().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Dynamic CVV2 values for the current and following time windows (1–24)")
            .WithName("GenerateDcvv2").WithDescription("Give pan or cardId (an unknown cardId answers 404) and count. The first value is for the current window; the issued windows are recorded, never the values.");
        group.MapPost("/verify", Verify).RequireScope(Scopes.CardVerify)
            .WithSummary("Verify a dynamic CVV2 against the windows issued for the card")
            .WithName("VerifyDcvv2").WithDescription("Uses transactionTime (default: now). On a match validFrom/validUntil are those of the matching window; on no_match they are null and reason says why.");
        return group;
    }

    private static async Task<Ok<Dcvv2GenerateResponse>> Generate(
        Dcvv2GenerateRequest request, CardResolver cards, Dcvv2Service dcvv2, ClaimsPrincipal user, CancellationToken ct)
    {
        var card = request.CardId is { } id ? await cards.ResolveAsync(id, ct) : await cards.ResolveAsync(Pan.Parse(request.Pan!), ct);
        var issue = await dcvv2.GenerateAsync(card, request.Count, user.ClientName(), ct);
        return TypedResults.Ok(new Dcvv2GenerateResponse(issue.MaskedPan, issue.WindowMinutes,
            issue.Values.Select(v => new Dcvv2ValueDto(v.Value, v.ValidFrom, v.ValidUntil)).ToList()));
    }

    private static async Task<Ok<Dcvv2VerifyResponse>> Verify(
        Dcvv2VerifyRequest request, CardResolver cards, Dcvv2Service dcvv2, ClaimsPrincipal user, CancellationToken ct)
    {
        var card = await cards.ResolveAsync(Pan.Parse(request.Pan), ct);
        var (result, window) = await dcvv2.VerifyAsync(card, request.Dcvv2, request.TransactionTime, user.ClientName(), ct);
        return TypedResults.Ok(new Dcvv2VerifyResponse(result.Result, result.Reason, window?.ValidFrom, window?.ValidUntil));
    }
}
