using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class ClientsApi
{
    public static RouteGroupBuilder MapClients(this RouteGroupBuilder admin)
    {
        admin.MapPost("/clients", Create).WithTags("Admin: clients").WithValidation().WithIdempotency()
            .WithSummary("Create an API client; its key is shown once")
            .WithName("CreateClient").WithDescription("Creates a client with a name and scopes and answers its API key, which is shown in this response only (only its hash is stored). A name that exists answers 409; an unknown scope 400.");
        return admin;
    }

    private static async Task<Created<CreateClientResponse>> Create(CreateClientRequest request, ClientDirectory clients, CancellationToken ct)
    {
        var (client, apiKey) = await clients.CreateAsync(request.Name, request.Scopes.Distinct().ToArray(), ct);
        return TypedResults.Created($"/v1/admin/clients/{client.Id}", new CreateClientResponse(client.Id, client.Name, client.Scopes, apiKey));
    }
}
