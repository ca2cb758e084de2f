namespace IssuerVerification.Api.Audit;

/// <summary>One audit record. The card is named by its keyed fingerprint (hex), never its PAN.</summary>
public sealed record AuditRecordResponse(
    long Id, DateTime At, string? RequestId, string Client, string? Source, string Action, string? Target,
    string? CardFingerprint, string Outcome, string? Reason, string Chain, long Seq);
