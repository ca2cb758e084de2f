namespace IssuerVerification.Domain.Audit;

/// <summary>Who did what to which card, and the outcome. Never a value, never a clear PAN.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    public required string Client { get; init; }
    public required string Action { get; init; }
    public byte[]? CardFingerprint { get; init; }
    public required string Outcome { get; init; }
    public string? Reason { get; init; }
}
