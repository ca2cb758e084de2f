namespace IssuerVerification.Domain.Audit;

/// <summary>The keyed hash (HMAC-SHA256, 32 bytes) the audit chain is computed with; its key never leaves the crypto provider.</summary>
public interface IAuditMac
{
    void Compute(ReadOnlySpan<byte> data, Span<byte> mac);
}
