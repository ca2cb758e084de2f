namespace IssuerVerification.Api.Admin;

/// <param name="ApiKey">Shown once: only its hash is stored.</param>
public sealed record CreateClientResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, string ApiKey);
