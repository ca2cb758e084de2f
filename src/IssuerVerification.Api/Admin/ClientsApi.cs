using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Domain.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class ClientsApi
{
    public static RouteGroupBuilder MapClients(this RouteGroupBuilder admin)
    {
        var clients = admin.MapGroup("/clients").WithTags("Admin: clients");
        clients.MapPost("/", Create).WithValidation().WithIdempotency()
            .WithSummary("Create an API client; its key is shown once")
            .WithName("CreateClient").WithDescription("Creates a client with a name and scopes and answers its API key, which is shown in this response only (only its hash is stored). A name that exists answers 409; an unknown scope 400.");
        clients.MapGet("/", List).WithSummary("List API clients (never their keys)")
            .WithName("ListClients").WithDescription("Every client: id, name, scopes, when it was created and revoked, and until when a rotated-out key still works. Never a key or a key hash.");
        clients.MapPost("/{id:guid}/revoke", Revoke)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revoke an API client: its key stops working (refused for the last active admin client)")
            .WithName("RevokeClient").WithDescription("The client's key stops working at once on this replica and within 30 s on others. Revoking again answers the same state. Revoking the last active admin client answers 409; an unknown id 404.");
        clients.MapPost("/{id:guid}/rotate-key", RotateKey).WithValidation().WithIdempotency()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Give an API client a new key, shown once; the old one works for the grace period")
            .WithName("RotateClientKey").WithDescription("Answers a new API key, shown in this response only; the old key keeps working for graceMinutes (0–1440). A revoked client answers 409; an unknown id 404.");
        return admin;
    }

    private static async Task<Created<CreateClientResponse>> Create(CreateClientRequest request, ClientDirectory clients, CancellationToken ct)
    {
        var (client, apiKey) = await clients.CreateAsync(request.Name, request.Scopes.Distinct().ToArray(), ct);
        return TypedResults.Created($"/v1/admin/clients/{client.Id}", new CreateClientResponse(client.Id, client.Name, client.Scopes, apiKey));
    }

    private static async Task<Ok<ClientResponse[]>> List(ClientDirectory clients, CancellationToken ct) =>
        TypedResults.Ok((await clients.ListAsync(ct)).Select(c => ToResponse(c, clients)).ToArray());

    private static async Task<Ok<ClientResponse>> Revoke(Guid id, ClientDirectory clients, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await clients.RevokeAsync(id, user.ClientName(), ct), clients));

    private static async Task<Ok<RotateKeyResponse>> RotateKey(
        Guid id, RotateKeyRequest request, ClientDirectory clients, ClaimsPrincipal user, CancellationToken ct)
    {
        var (client, apiKey, previousValidUntil) = await clients.RotateKeyAsync(id, request.GraceMinutes, user.ClientName(), ct);
        return TypedResults.Ok(new RotateKeyResponse(client.Id, client.Name, client.Scopes, apiKey, previousValidUntil));
    }

    private static ClientResponse ToResponse(ApiClient c, ClientDirectory clients) =>
        new(c.Id, c.Name, c.Scopes, c.CreatedAt, c.RevokedAt, clients.PreviousKeyValidUntil(c));
}
