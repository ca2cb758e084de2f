using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <param name="Reasons">Why, from the documented vocabulary (docs/token-verification.md).</param>
/// <param name="IdvMethods">Non-empty exactly when the decision is yellow; contacts masked.</param>
/// <param name="ExpiresAt">When a step-up not finished by then expires.</param>
public sealed record TokenVerificationResponse(
    Guid Id, TokenDecision Decision, TokenVerificationStatus Status, IReadOnlyList<string> Reasons, IReadOnlyList<IdvMethod> IdvMethods, DateTime ExpiresAt)
{
    public static TokenVerificationResponse Of(TokenVerification v, DateTime now) =>
        new(v.Id, v.Decision, v.StatusAt(now), v.Reasons, v.IdvMethods, v.ExpiresAt);
}
