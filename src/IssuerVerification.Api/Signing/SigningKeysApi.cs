using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Signing;

public static class SigningKeysApi
{
    /// <summary>Rotation of the key that signs results and callbacks (scope admin).</summary>
    public static IEndpointRouteBuilder MapSigningKeys(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/admin/signing-keys/rotate", Rotate).WithTags("Signing keys").RequireScope(Scopes.Admin)
            .WithSummary("Replace the ES256 key that signs results and callbacks")
            .WithName("RotateSigningKey").WithDescription("A new key signs from now on (other replicas follow within 30 seconds). The replaced key's public key stays in /.well-known/jwks.json for Signing:PreviousKeyDays (30 by default) after the rotation, so results and callbacks it signed still verify. Answers the new key's public JWK.");
        return routes;
    }

    private static async Task<Ok<RotateSigningKeyResponse>> Rotate(ResultSigner signer, ClaimsPrincipal user, SigningKeyOptions options, TimeProvider clock, CancellationToken ct)
    {
        var jwk = await signer.RotateAsync(user.ClientName(), ct);
        return TypedResults.Ok(new RotateSigningKeyResponse(jwk["kid"], jwk, clock.GetUtcNow().UtcDateTime + options.PreviousKeyLifetime));
    }
}

/// <param name="Kid">The new key's id (RFC 7638 thumbprint), in the header of everything it signs.</param>
/// <param name="Key">The new public key (JWK).</param>
/// <param name="PreviousKeysPublishedUntil">Until when the replaced key stays in the JWKS.</param>
public sealed record RotateSigningKeyResponse(string Kid, IReadOnlyDictionary<string, string> Key, DateTime PreviousKeysPublishedUntil);
