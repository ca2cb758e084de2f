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
            .WithSummary("Create an API client; its key is shown once");
        clients.MapGet("/", List).WithSummary("List API clients (never their keys)");
        clients.MapPost("/{id:guid}/revoke", Revoke)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Revoke an API client: its key stops working (refused for the last active admin client)");
        clients.MapPost("/{id:guid}/rotate-key", RotateKey).WithValidation().WithIdempotency()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Give an API client a new key, shown once; the old one works for the grace period");
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
