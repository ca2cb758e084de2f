using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>A key's metadata and its material wrapped by the crypto provider.</summary>
public sealed class StoredKey
{
    public Guid Id { get; init; }
    public required string Alias { get; init; }
    public KeyUsage Usage { get; init; }
    public KeyAlgorithm Algorithm { get; init; }
    public required byte[] Wrapped { get; set; }
    public required string Kcv { get; init; }
    public KeyStatus Status { get; set; }
    /// <summary>Incremented each time the material is re-wrapped.</summary>
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; init; }

    public KeyHandle Handle => new(Id, Alias, Usage, Algorithm, Kcv, Wrapped);
}
