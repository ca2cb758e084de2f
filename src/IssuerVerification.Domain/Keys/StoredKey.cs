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
    /// <summary>May be exported under a KEK; set at creation only (the wrapping binds it).</summary>
    public bool Exportable { get; init; }
    /// <summary>Imported from a TR-31 key block of a legacy version (A or C, key-variant binding).</summary>
    public bool LegacyKeyBlock { get; init; }

    public KeyHandle Handle => new(Id, Alias, Usage, Algorithm, Kcv, Wrapped, Exportable);
}
