using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Tokens;

public static class TokenVerificationApi
{
    /// <summary>Token verification (scope token:verify; the issuer app's answer: issuer:app) and token bindings.</summary>
    public static IEndpointRouteBuilder MapTokenVerification(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/token-verifications").WithTags("Token verification").RequireRateLimiting(RateLimiting.PerClient)
            .WithValidation();
        group.MapPost("/", Create).RequireScope(Scopes.TokenVerify).WithIdempotency()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Decide on a device binding or a cardholder verification: green, yellow (step-up) or red")
            .WithName("CreateTokenVerification").WithDescription("Give pan or cardId (an unknown cardId answers 404; an unknown PAN is red). A yellow decision lists the ID&V methods (contacts masked); finish it with otp and otp/verify or with the issuer app's app-decision. A binding is recorded on approved or verified; the final status is POSTed to callbackUrl, signed (JWS ES256).");
        group.MapGet("/{id:guid}", Get).RequireScope(Scopes.TokenVerify).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A token verification and its current status")
            .WithName("GetTokenVerification").WithDescription("The same shape as on creation, with the current status: a step-up past its expiresAt reads expired.");
        group.MapPost("/{id:guid}/otp", SendOtp).RequireScope(Scopes.TokenVerify)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a 6-digit OTP over one of the verification's ID&V methods")
            .WithName("SendTokenVerificationOtp").WithDescription("Each send replaces the previous code; at most 3 sends by default. A bank_app method has no OTP (400). 409 when the verification is not pending_idv or all sends are used.");
        group.MapPost("/{id:guid}/otp/verify", VerifyOtp).RequireScope(Scopes.TokenVerify)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Check the OTP the cardholder entered")
            .WithName("VerifyTokenVerificationOtp").WithDescription("The right code makes the verification verified (and binds the device); a wrong one counts, and the last allowed wrong one (3 by default) makes it failed. 409 when it is not pending_idv or no OTP was sent.");
        group.MapPost("/{id:guid}/app-decision", AppDecision).RequireScope(Scopes.IssuerApp)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The issuer app's answer to a bank_app or push step-up")
            .WithName("DecideTokenVerificationInApp").WithDescription("approved: true makes the verification verified, false declined. 409 when it is not pending_idv or offers no issuer-app method.");

        routes.MapGet("/v1/tokens/{tokenReference}/bindings", Bindings).WithTags("Token verification").RequireRateLimiting(RateLimiting.PerClient)
            .RequireScope(Scopes.TokenVerify)
            .WithSummary("The devices and passkeys a token is bound to")
            .WithName("ListTokenBindings").WithDescription("One entry per device or passkey, with the verification that bound it; an unknown token has none.");
        return routes;
    }

    private static async Task<Created<TokenVerificationResponse>> Create(
        CreateTokenVerificationRequest request, TokenVerificationService tokens, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var verification = await tokens.CreateAsync(new TokenVerificationRequest(
            request.RequestType, request.Network, request.TokenReference, request.Pan is { } pan ? Pan.Parse(pan) : null, request.CardId,
            request.TokenRequestor.Id, request.TokenRequestor.Name, request.TokenRequestor.MerchantId,
            request.Device?.Id, request.Device?.Name, request.Device?.Type, request.Passkey?.CredentialId,
            request.Risk?.Score, request.Risk?.RecommendedDecision, request.CallbackUrl), user.ClientName(), ct);
        return TypedResults.Created($"/v1/token-verifications/{verification.Id}", TokenVerificationResponse.Of(verification, Now(clock)));
    }

    private static async Task<Ok<TokenVerificationResponse>> Get(Guid id, TokenVerificationService tokens, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(TokenVerificationResponse.Of(await tokens.GetAsync(id, ct), Now(clock)));

    private static async Task<Accepted<SendOtpResponse>> SendOtp(
        Guid id, SendOtpRequest request, TokenVerificationService tokens, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Accepted($"/v1/token-verifications/{id}", new SendOtpResponse(await tokens.SendOtpAsync(id, request.MethodId, user.ClientName(), ct)));

    private static async Task<Ok<VerifyOtpResponse>> VerifyOtp(
        Guid id, VerifyOtpRequest request, TokenVerificationService tokens, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = await tokens.VerifyOtpAsync(id, request.Otp, user.ClientName(), ct);
        return TypedResults.Ok(new VerifyOtpResponse(check.Status, check.AttemptsRemaining));
    }

    private static async Task<Ok<AppDecisionResponse>> AppDecision(
        Guid id, AppDecisionRequest request, TokenVerificationService tokens, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new AppDecisionResponse((await tokens.AppDecisionAsync(id, request.Approved, user.ClientName(), ct)).Status));

    private static async Task<Ok<TokenBindingResponse[]>> Bindings(string tokenReference, TokenVerificationService tokens, CancellationToken ct) =>
        TypedResults.Ok((await tokens.BindingsAsync(tokenReference, ct))
            .Select(b => new TokenBindingResponse(b.DeviceId, b.PasskeyCredentialId, b.BoundAt, b.VerificationId)).ToArray());

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
