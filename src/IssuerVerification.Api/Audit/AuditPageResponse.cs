namespace IssuerVerification.Api.Audit;

/// <summary>A page of records, newest first; <see cref="Next"/> is the link to the next (older) page, null on the last.</summary>
public sealed record AuditPageResponse(AuditRecordResponse[] Records, string? Next);
