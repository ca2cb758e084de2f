namespace IssuerVerification.Api.Admin;

/// <summary>An API client as listed: never its key or the key's hash.</summary>
/// <param name="RevokedAt">When it was revoked; null while its key works.</param>
/// <param name="PreviousKeyValidUntil">Until when the key replaced by its last rotation still works; null when none does.</param>
public sealed record ClientResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? RevokedAt, DateTime? PreviousKeyValidUntil);
