namespace IssuerVerification.Domain.Clients;

/// <summary>A caller of the API. Only the SHA-256 hash of its key is stored.</summary>
public sealed class ApiClient
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required byte[] KeyHash { get; set; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    /// <summary>The hash of the key replaced by the last rotation, accepted until <see cref="PreviousKeyExpiresAt"/>.</summary>
    public byte[]? PreviousKeyHash { get; set; }
    public DateTime? PreviousKeyExpiresAt { get; set; }
}
