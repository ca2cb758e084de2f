using FluentValidation;
using IssuerVerification.Api.Validation;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// The result (RReq content) of an authentication: C while its challenge is pending, then final.
/// <c>signedResult</c> is a compact JWS (ES256) whose payload is this object without <c>signedResult</c>; verify it with the
/// key of <c>/.well-known/jwks.json</c> its header's kid names.
/// </summary>
public sealed record AuthenticationResultResponse(
    Guid AcsTransID, string ThreeDSServerTransID, string TransStatus, string? TransStatusReason, string? Eci, string? AuthenticationValue,
    bool Authenticated, bool LiabilityShift, DateTime CreatedAt, DateTime? CompletedAt, string SignedResult);

/// <summary>What <c>signedResult</c> signs.</summary>
public sealed record SignedResultPayload(
    Guid AcsTransID, string ThreeDSServerTransID, string TransStatus, string? TransStatusReason, string? Eci, string? AuthenticationValue,
    bool Authenticated, bool LiabilityShift, DateTime CreatedAt, DateTime? CompletedAt)
{
    public static SignedResultPayload Of(AuthenticationResult r)
    {
        var a = r.Authentication;
        return new(a.AcsTransId, a.ThreeDsServerTransId, a.TransStatus, a.TransStatusReason, a.Eci, r.AuthenticationValue,
            r.Authenticated, r.LiabilityShift, a.CreatedAt, a.CompletedAt);
    }

    public AuthenticationResultResponse Signed(string jws) => new(AcsTransID, ThreeDSServerTransID, TransStatus, TransStatusReason, Eci,
        AuthenticationValue, Authenticated, LiabilityShift, CreatedAt, CompletedAt, jws);
}

/// <param name="Pan">The card number the value was issued for.</param>
/// <param name="AuthenticationValue">The CAVV or AAV as received (28 characters of base64).</param>
public sealed record CavvVerifyRequest(string Pan, string AuthenticationValue);

internal sealed class CavvVerifyRequestValidator : AbstractValidator<CavvVerifyRequest>
{
    public CavvVerifyRequestValidator()
    {
        RuleFor(r => r.Pan).MustBePan();
        RuleFor(r => r.AuthenticationValue).Must(v => v is { Length: 28 } && IsBase64(v)).WithMessage("28 characters of base64 (20 bytes).");
    }

    private static bool IsBase64(string v) => Convert.TryFromBase64String(v, new byte[20], out var n) && n == 20;
}
