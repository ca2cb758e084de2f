using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Signing;

public static class JwksApi
{
    /// <summary>The public keys that verify signed results and callbacks; anonymous.</summary>
    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/.well-known/jwks.json", Get).AllowAnonymous().WithTags("Signing keys").ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Public keys for signed callbacks and results (JWKS)")
            .WithName("GetJwks").WithDescription("The ES256 public keys (kty EC, crv P-256) whose kid is the RFC 7638 thumbprint; a JWS header's kid names the key that signed it. No API key.");
        return routes;
    }

    private static async Task<Ok<JwksResponse>> Get(ResultSigner signer, CancellationToken ct) =>
        TypedResults.Ok(new JwksResponse(await signer.PublicKeysAsync(ct)));
}

/// <param name="Keys">JWKs: kty, crv, x, y, kid, alg, use.</param>
public sealed record JwksResponse(IReadOnlyList<IReadOnlyDictionary<string, string>> Keys);
