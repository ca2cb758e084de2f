using IssuerVerification.Domain.Crypto;

namespace IssuerVerification.Domain.Keys;

/// <summary>
/// A key being loaded from components under split knowledge and dual control: each custodian (a distinct client)
/// submits one component; the key exists once the last arrives. Between submissions only the wrapped partial key is kept.
/// </summary>
public sealed class KeyCeremony
{
    public Guid Id { get; init; }
    public required string Alias { get; init; }
    public KeyUsage Usage { get; init; }
    public KeyAlgorithm Algorithm { get; init; }
    /// <summary>How many components make the key (2–3; 1 only where single-component ceremonies are allowed).</summary>
    public int ComponentCount { get; init; }
    public List<CeremonyComponent> Components { get; set; } = [];
    /// <summary>The running XOR of the components so far, wrapped by the crypto provider; null before the first and once closed.</summary>
    public byte[]? Partial { get; set; }
    public CeremonyStatus Status { get; set; }
    public required string OpenedBy { get; init; }
    public DateTime OpenedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Whether the key made will be exportable under a KEK.</summary>
    public bool Exportable { get; init; }
    /// <summary>The combined key's check value, once completed.</summary>
    public string? Kcv { get; set; }
    /// <summary>Incremented on every change: two replicas changing one ceremony at once cannot both win.</summary>
    public int Version { get; set; }

    /// <summary>The length of each component in bytes: 16 for TDES 2-key, 24 for TDES 3-key, 32 for AES-256, 20 for HMAC-SHA1 (AAV).</summary>
    public int ComponentBytes => Algorithm == KeyAlgorithm.HmacSha1 ? 20 : KeyUsages.KeyLength(Algorithm);

    public PartialKey? PartialKey => Partial is null ? null : new(Id, Algorithm, Components.Count, Partial);
}

/// <summary>One submitted component: who submitted it and its check value (never the component).</summary>
public sealed record CeremonyComponent(string ClientId, string Client, string Kcv, DateTime SubmittedAt);

public enum CeremonyStatus { Open, Completed, Expired, Cancelled }

/// <summary>How long a ceremony stays open, and the fewest components it may have.</summary>
public sealed record KeyCeremonyOptions(TimeSpan Lifetime, int MinComponents)
{
    public const int MaxComponents = 3;
    public static readonly KeyCeremonyOptions Default = new(TimeSpan.FromHours(24), 2);
}

/// <summary>A client acting in a ceremony: its id (what dual control compares) and its name (for the record).</summary>
public sealed record Custodian(string ClientId, string Name);
