using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Clients;
using IssuerVerification.Domain.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

/// <summary>
/// Key ceremonies under split knowledge and dual control: an admin opens, reads and cancels them; each custodian
/// (scope <c>key:custodian</c>, which <c>admin</c> does not imply) submits one component under their own credential.
/// </summary>
public static class KeyCeremoniesApi
{
    public static IEndpointRouteBuilder MapKeyCeremonies(this IEndpointRouteBuilder routes)
    {
        var ceremonies = routes.MapGroup("/v1/admin/key-ceremonies").WithTags("Admin: key ceremonies").RequireRateLimiting(RateLimiting.PerClient);
        ceremonies.MapPost("/", Open).RequireScope(Scopes.Admin).WithValidation().WithIdempotency()
            .WithSummary("Open a key ceremony: one component per custodian, each under their own credential")
            .WithName("OpenKeyCeremony").WithDescription("Opens a ceremony that will make the key with this alias, usage and algorithm from componentCount components (2–3; 1 only where allowed, e.g. Development). It expires after Keys:CeremonyHours (24 h by default). An alias that a key or another open ceremony has answers 409; a component count out of range 400.");
        ceremonies.MapGet("/{id:guid}", Get).RequireScope(Scopes.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A key ceremony: its status, custodians and component KCVs")
            .WithName("GetKeyCeremony").WithDescription("The ceremony with each submitted component's custodian and KCV (never a component) and, once complete, the key's KCV. An open ceremony past its time is shown expired. An unknown id answers 404.");
        ceremonies.MapPost("/{id:guid}/components", Submit).RequireScope(Scopes.KeyCustodian).WithValidation().WithIdempotency()
            .Produces<ComponentSubmittedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submit one custodian's component (scope key:custodian)")
            .WithName("SubmitKeyComponent").WithDescription("Adds the calling custodian's clear component and answers its KCV: 200 while components are missing, 201 with the key's KCV (and Location of the key) when it was the last one and the key now exists. The same client twice answers 409 (dual control: another custodian must submit); a closed or expired ceremony 409; an all-zero component, one of the wrong length, or a last component that makes a weak key (XOR to zero, equal halves) 400 and nothing changes.");
        ceremonies.MapPost("/{id:guid}/cancel", Cancel).RequireScope(Scopes.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel an open key ceremony")
            .WithName("CancelKeyCeremony").WithDescription("Cancels an open ceremony and drops its wrapped partial key; no key is made. A closed ceremony answers 409, an unknown id 404.");
        return routes;
    }

    private static async Task<Created<KeyCeremonyResponse>> Open(
        OpenKeyCeremonyRequest request, KeyCeremonies ceremonies, ClaimsPrincipal user, CancellationToken ct)
    {
        var ceremony = await ceremonies.OpenAsync(
            request.Alias, request.Usage, KeyAlgorithms.ToDomain(request.Algorithm), request.ComponentCount, request.Exportable, Custodian(user), ct);
        return TypedResults.Created($"/v1/admin/key-ceremonies/{ceremony.Id}", ToResponse(ceremony));
    }

    private static async Task<Ok<KeyCeremonyResponse>> Get(Guid id, KeyCeremonies ceremonies, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await ceremonies.GetAsync(id, ct)));

    private static async Task<Results<Ok<ComponentSubmittedResponse>, Created<ComponentSubmittedResponse>>> Submit(
        Guid id, SubmitComponentRequest request, KeyCeremonies ceremonies, ClaimsPrincipal user, CancellationToken ct)
    {
        var component = Convert.FromHexString(request.Component);
        try
        {
            var (ceremony, kcv, key) = await ceremonies.SubmitAsync(id, component, Custodian(user), ct);
            var response = new ComponentSubmittedResponse(kcv, ToResponse(ceremony));
            return key is null ? TypedResults.Ok(response) : TypedResults.Created($"/v1/admin/keys/{key.Alias}", response);
        }
        finally
        {
            Array.Clear(component);
        }
    }

    private static async Task<Ok<KeyCeremonyResponse>> Cancel(Guid id, KeyCeremonies ceremonies, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await ceremonies.CancelAsync(id, Custodian(user), ct)));

    private static Custodian Custodian(ClaimsPrincipal user) => new(user.ClientId(), user.ClientName());

    private static KeyCeremonyResponse ToResponse(KeyCeremony c) => new(
        c.Id, c.Alias, c.Usage, KeyAlgorithms.FromDomain(c.Algorithm), c.ComponentCount, c.Status.ToString().ToLowerInvariant(),
        [.. c.Components.Select(s => new CeremonyComponentResponse(s.Client, s.Kcv, s.SubmittedAt))],
        c.OpenedBy, c.OpenedAt, c.ExpiresAt, c.ClosedAt, c.Kcv);
}
