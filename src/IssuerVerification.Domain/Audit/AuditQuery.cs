namespace IssuerVerification.Domain.Audit;

/// <summary>
/// Which records to list, newest first (by id): those with an id below <see cref="Before"/> (the cursor of the previous
/// page), at most <see cref="Limit"/>. Every filter given must hold; time bounds are inclusive from, exclusive to.
/// </summary>
public sealed record AuditQuery
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public string? Client { get; init; }
    public string? Action { get; init; }
    public string? Outcome { get; init; }
    public string? Target { get; init; }
    public byte[]? CardFingerprint { get; init; }
    public string? RequestId { get; init; }
    public long? Before { get; init; }
    public int Limit { get; init; } = 100;
}
