namespace IssuerVerification.Domain.Audit;

/// <summary>
/// Who did what to which target, from where, and the outcome. Never a key, a value, an OTP or a clear PAN: a card is named
/// by its keyed fingerprint, anything else by a name (alias, client name, card id).
/// <see cref="Chain"/>, <see cref="Seq"/> and <see cref="Mac"/> are set by the writer (<see cref="AuditChain"/>).
/// </summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTime At { get; init; }
    /// <summary>The request the record belongs to (its W3C trace id); none for work no request started.</summary>
    public string? RequestId { get; init; }
    public required string Client { get; init; }
    /// <summary>The caller's network address.</summary>
    public string? Source { get; init; }
    public required string Action { get; init; }
    /// <summary>What the action was on, when it is not a card: a key alias, a client name, an operation.</summary>
    public string? Target { get; init; }
    public byte[]? CardFingerprint { get; init; }
    public required string Outcome { get; init; }
    public string? Reason { get; init; }
    public string Chain { get; init; } = "";
    public long Seq { get; init; }
    public byte[] Mac { get; init; } = [];
}
