using System.Text.Json;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.CardVerification;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Api.Problems;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.ThreeDSecure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IssuerVerification.Api.ThreeDSecure;

public static class ThreeDsApi
{
    /// <summary>The access control server (scope 3ds:acs) and the check of its authentication values (card:verify).</summary>
    public static IEndpointRouteBuilder MapThreeDSecure(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/3ds").WithTags("3-D Secure").RequireRateLimiting(RateLimiting.PerClient).WithValidation();
        group.MapPost("/authentications", Authenticate).RequireScope(Scopes.ThreeDsAcs)
            .Accepts<AuthenticationRequestMessage>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer an AReq: frictionless (Y), challenge (C) or refusal")
            .WithName("Authenticate").WithDescription("Accepts an EMV 3DS 2.2.0 / 2.3.1 AReq with every data element EMV defines. A bad AReq answers 400 whose erro member is the EMV Erro message (102 version, 201 missing, 203 format, including an element of the wrong JSON type); nothing is stored. The same threeDSServerTransID with the same AReq answers the first ARes; with another AReq 409. See docs/3ds.md for the decisions and ECIs.");
        group.MapPost("/authentications/{acsTransID:guid}/challenge", Challenge).RequireScope(Scopes.ThreeDsAcs)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The app channel's challenge: a CReq as JSON, answered with a CRes")
            .WithName("Challenge").WithDescription("An empty CReq opens the challenge and sends the 6-digit code to the cardholder; challengeDataEntry submits it (wrong: the attempts left; the last allowed wrong one: N/19), resendChallenge Y sends a new one (3 sends at most), challengeCancel cancels (N/01). After 10 minutes the challenge is N/14. 409 once the authentication is final.");
        group.MapGet("/authentications/{acsTransID:guid}", Result).RequireScope(Scopes.ThreeDsAcs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The result of an authentication, signed")
            .WithName("GetAuthenticationResult").WithDescription("C while the challenge is pending, then the final status with its ECI and authentication value; signedResult is a compact JWS (ES256) over the other members, verifiable with /.well-known/jwks.json.");
        group.MapPost("/cavv/verify", VerifyValue).RequireScope(Scopes.CardVerify)
            .WithSummary("Check a CAVV / AAV this ACS issued")
            .WithName("VerifyAuthenticationValue").WithDescription("match only for a value this ACS issued for that PAN, once: the second time no_match with reason already_used; any other value no_match value_mismatch.");
        return routes;
    }

    private static async Task<Results<Ok<AuthenticationResponseMessage>, ValidationProblem>> Authenticate(
        AuthenticationRequestMessage request, AccessControlServer acs, ThreeDsPublicUrl publicUrl, IOptions<JsonOptions> json,
        TimeProvider clock, HttpRequest http, CancellationToken ct)
    {
        var failures = AReqValidation.Check(request);
        if (failures.Count > 0)
        {
            var errors = failures.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
            return TypedResults.ValidationProblem(errors, "The AReq is invalid; erro is the EMV Erro message.", type: ProblemTypes.Validation,
                title: "The request is invalid.", extensions: new Dictionary<string, object?> { ["erro"] = AReqValidation.Erro(request, failures) });
        }
        var result = await acs.AuthenticateAsync(AReqMapping.ToDomain(request, json.Value.SerializerOptions, clock.GetUtcNow().UtcDateTime), ct);
        return TypedResults.Ok(AReqMapping.ToAres(result, request.DsTransID, publicUrl.ChallengeUrl(http)));
    }

    private static async Task<Ok<ChallengeResponseMessage>> Challenge(
        Guid acsTransID, ChallengeRequestMessage request, ThreeDsChallenges challenges, CancellationToken ct)
    {
        var state = request switch
        {
            { ChallengeCancel: { } cancel } => await challenges.CancelAsync(acsTransID, cancel, ct),
            { ResendChallenge: "Y" } => await challenges.ResendAsync(acsTransID, ct),
            { ChallengeDataEntry: { } code } => await challenges.SubmitAsync(acsTransID, code, ct),
            _ => await challenges.OpenAsync(acsTransID, ct),
        };
        return TypedResults.Ok(ChallengeText.Response(state));
    }

    private static async Task<Ok<AuthenticationResultResponse>> Result(
        Guid acsTransID, AccessControlServer acs, ResultSigner signer, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var payload = SignedResultPayload.Of(await acs.ResultAsync(acsTransID, ct));
        return TypedResults.Ok(payload.Signed(await signer.SignAsync(JsonSerializer.SerializeToUtf8Bytes(payload, json.Value.SerializerOptions), ct)));
    }

    private static async Task<Ok<VerifyResponse>> VerifyValue(CavvVerifyRequest request, AccessControlServer acs, CancellationToken ct) =>
        TypedResults.Ok(VerifyResponse.From(await acs.VerifyValueAsync(Pan.Parse(request.Pan), Convert.FromBase64String(request.AuthenticationValue), ct)));
}
