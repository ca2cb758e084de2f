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
        keys.MapPost("/", Create).AddEndpointFilter(SingleRequestImportGate).WithValidation().WithIdempotency()
            .WithSummary("Generate a key, or import it from clear components, a TR-31 key block or a cryptogram under a KEK")
            .WithName("CreateKey").WithDescription("Generates a key when neither components nor kekAlias is given. Imports a key from 1–3 clear hex components (XORed): in one request this answers 403 unless Keys:AllowSingleRequestImport is true (test environments, automated loading); otherwise load keys through a key ceremony. Imports a key under the KEK kekAlias from a TR-31 keyBlock (versions B and D; A and C accepted and marked legacyKeyBlock) or from a TDES-ECB cryptogram with the kcv it must have. exportable (default false) allows a later export and is fixed from now on. Answers the metadata with its KCV; the clear key is never returned. An alias that exists answers 409; weak components, an unknown KEK, a key block whose key usage, algorithm or mode of use does not fit usage (docs/key-management.md), an unsupported usage (P0, B0...), a wrong MAC or KEK, or a KCV that does not match answer 400, and nothing is stored. Every import under a KEK is audited with both KCVs.");
        keys.MapGet("/", List).WithSummary("List keys (metadata only)")
            .WithName("ListKeys").WithDescription("Every issuer key's metadata: alias, usage, algorithm, KCV, status.");
        keys.MapGet("/{alias}", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One key's metadata")
            .WithName("GetKey").WithDescription("The metadata of the key with this alias, or 404.");
        keys.MapPost("/{alias}/retire", Retire)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Retire a key no card range uses: it is refused for every operation from then on")
            .WithName("RetireKey").WithDescription("Marks the key retired; retiring again answers the same. While a card range uses the key in any slot the answer is 409 naming the range and slot; an unknown alias 404.");
        keys.MapPost("/{alias}/export", Export).WithValidation()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Export a key as a TR-31 key block under a KEK")
            .WithName("ExportKey").WithDescription("Answers the key as a TR-31 key block under the KEK kekAlias (version B under a TDES KEK, D under an AES KEK; key usage, algorithm and mode of use as docs/key-management.md maps them; exportability N) and its KCV. A key not created exportable, or of a usage never exchanged (DCVV2, AAV), answers 409; an unknown alias 404; an unknown or retired KEK, or one weaker than the key, 400. Audited with both KCVs.");
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

    private static async Task<Created<KeyResponse>> Create(
        CreateKeyRequest request, KeyRing ring, KeyExchanges exchanges, ClaimsPrincipal user, CancellationToken ct)
    {
        var algorithm = KeyAlgorithms.ToDomain(request.Algorithm);
        var key = request switch
        {
            { KekAlias: { } kek, KeyBlock: { } block } =>
                await exchanges.ImportKeyBlockAsync(request.Alias, request.Usage, request.Exportable, kek, block, user.ClientName(), ct),
            { KekAlias: { } kek, Cryptogram: { } cryptogram } => await exchanges.ImportCryptogramAsync(request.Alias, request.Usage, algorithm,
                request.Exportable, kek, Convert.FromHexString(cryptogram), request.Kcv!, user.ClientName(), ct),
            _ => await CreateFromComponentsAsync(request, algorithm, ring, ct),
        };
        return TypedResults.Created($"/v1/admin/keys/{key.Alias}", ToResponse(key));
    }

    private static async Task<StoredKey> CreateFromComponentsAsync(CreateKeyRequest request, KeyAlgorithm algorithm, KeyRing ring, CancellationToken ct)
    {
        var components = request.Components?.Select(Convert.FromHexString).ToList();
        try
        {
            return await ring.CreateAsync(request.Alias, request.Usage, algorithm, components, request.Exportable, ct);
        }
        finally
        {
            components?.ForEach(c => Array.Clear(c));
        }
    }

    private static async Task<Ok<ExportKeyResponse>> Export(
        string alias, ExportKeyRequest request, KeyExchanges exchanges, ClaimsPrincipal user, CancellationToken ct)
    {
        var (block, kcv) = await exchanges.ExportAsync(alias, request.KekAlias, user.ClientName(), ct);
        return TypedResults.Ok(new ExportKeyResponse(block, kcv));
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
        key.Id, key.Alias, key.Usage, KeyAlgorithms.FromDomain(key.Algorithm), key.Kcv, key.Status.ToString().ToLowerInvariant(), key.CreatedAt,
        key.Exportable, key.LegacyKeyBlock);
}
