namespace IssuerVerification.Domain.Audit;

public static class AuditLogExtensions
{
    /// <summary>Records that values were generated for a card (never the values).</summary>
    public static Task WriteGeneratedAsync(this IAuditLog audit, TimeProvider clock, string client, string action, byte[] fingerprint, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Client = client,
            Action = action,
            CardFingerprint = fingerprint,
            Outcome = AuditOutcomes.Generated,
        }, ct);

    /// <summary>Records an administrative change: who, which action, and what changed (never a key or a secret).</summary>
    public static Task WriteChangedAsync(this IAuditLog audit, TimeProvider clock, string client, string action, string what, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Client = client,
            Action = action,
            Outcome = AuditOutcomes.Changed,
            Reason = what,
        }, ct);
}
