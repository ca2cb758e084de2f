namespace IssuerVerification.Domain.Audit;

/// <summary>The audit log: an entry is durable when <see cref="WriteAsync"/> completes.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken ct);
}
