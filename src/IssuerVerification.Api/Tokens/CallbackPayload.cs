using IssuerVerification.Domain.Tokens;

namespace IssuerVerification.Api.Tokens;

/// <summary>What a callback's JWS signs. <see cref="Id"/> is the same on every attempt: receivers de-duplicate on it.</summary>
public sealed record CallbackPayload(Guid Id, Guid VerificationId, string TokenReference, TokenVerificationStatus Status, DateTime OccurredAt)
{
    public static CallbackPayload Of(TokenCallback c) => new(c.Id, c.VerificationId, c.TokenReference, c.Status, c.OccurredAt);
}
