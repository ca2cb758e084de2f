using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Problems;
using IssuerVerification.Api.Startup;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this RouteGroupBuilder admin)
    {
        var keys = admin.MapGroup("/keys").WithTags("Admin: keys");
        keys.MapPost("/", Create).AddEndpointFilter(SingleRequestImportGate).WithValidation().WithIdempotency().WithSummary("Import (from clear components) or generate a key")
            .WithName("CreateKey").WithDescription("Imports a key from 1–3 clear hex components (XORed), or generates one when components is absent. An import in one request answers 403 unless Keys:AllowSingleRequestImport is true (test environments, automated loading); otherwise load keys through a key ceremony. Answers the metadata with its KCV; the clear key is never returned. An alias that exists answers 409; weak components (all zero, XOR to zero, equal halves) 400.");
        keys.MapGet("/", List).WithSummary("List keys (metadata only)")
            .WithName("ListKeys").WithDescription("Every issuer key's metadata: alias, usage, algorithm, KCV, status.");
        keys.MapGet("/{alias}", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One key's metadata")
            .WithName("GetKey").WithDescription("The metadata of the key with this alias, or 404.");
        keys.MapPost("/{alias}/retire", Retire)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Retire a key no card range uses: it is refused for every operation from then on")
            .WithName("RetireKey").WithDescription("Marks the key retired; retiring again answers the same. While a card range uses the key in any slot the answer is 409 naming the range and slot; an unknown alias 404.");
        keys.MapPost("/rewrap", Rewrap).WithSummary("Re-wrap every stored key under the current master key (after a master key rotation)")
            .WithName("RewrapKeys").WithDescription("After a master key rotation, wraps every stored key under the current master key (and in the current wrap format, bound to its alias and KCV) and answers how many were re-wrapped. No body.");
        return admin;
    }

    /// <summary>Runs before validation: components sent by one client in one request break dual control, so they are refused unless the setting allows it.</summary>
    private static async ValueTask<object?> SingleRequestImportGate(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.Arguments.OfType<CreateKeyRequest>().Single().Components is not null
        && !context.HttpContext.RequestServices.GetRequiredService<KeySettings>().AllowSingleRequestImport
            ? ProblemResults.Forbidden("Importing a key from components in one request is off (Keys:AllowSingleRequestImport); load it through a key ceremony, /v1/admin/key-ceremonies, one custodian per component.")
            : await next(context);

    private static async Task<Created<KeyResponse>> Create(CreateKeyRequest request, KeyRing ring, CancellationToken ct)
    {
        var components = request.Components?.Select(Convert.FromHexString).ToList();
        var key = await ring.CreateAsync(request.Alias, request.Usage, KeyAlgorithms.ToDomain(request.Algorithm), components, ct);
        components?.ForEach(c => Array.Clear(c));
        return TypedResults.Created($"/v1/admin/keys/{key.Alias}", ToResponse(key));
    }

    private static async Task<Ok<KeyResponse[]>> List(IKeyStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Where(IsPublic).Select(ToResponse).ToArray());

    private static async Task<Results<Ok<KeyResponse>, ProblemHttpResult>> Get(string alias, IKeyStore store, CancellationToken ct) =>
        await store.FindAsync(alias, ct) is { } key && IsPublic(key)
            ? TypedResults.Ok(ToResponse(key))
            : ProblemResults.NotFound($"No key with alias '{alias}'.");

    private static async Task<Ok<KeyResponse>> Retire(string alias, CardRanges ranges, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await ranges.RetireKeyAsync(alias, user.ClientName(), ct)));

    private static async Task<Ok<RewrapResponse>> Rewrap(KeyRing ring, CancellationToken ct) =>
        TypedResults.Ok(new RewrapResponse(await ring.RewrapAllAsync(ct)));

    private static bool IsPublic(StoredKey key) => KeyUsages.IsIssuerKey(key.Usage);

    private static KeyResponse ToResponse(StoredKey key) => new(
        key.Id, key.Alias, key.Usage, KeyAlgorithms.FromDomain(key.Algorithm), key.Kcv, key.Status.ToString().ToLowerInvariant(), key.CreatedAt);
}
