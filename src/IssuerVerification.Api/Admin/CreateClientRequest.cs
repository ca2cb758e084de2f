namespace IssuerVerification.Api.Admin;

public sealed record CreateClientRequest(string Name, IReadOnlyList<string> Scopes);
