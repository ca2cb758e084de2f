namespace IssuerVerification.Domain.Audit;

/// <summary>
/// The request a piece of work runs for, as the API sets it when the request starts: every record written on its behalf
/// gets its request id and source address without each caller passing them (<see cref="Stamp"/>).
/// </summary>
public sealed class AuditContext(string requestId, string? source)
{
    private static readonly AsyncLocal<AuditContext?> Ambient = new();
    private int _written;

    public string RequestId { get; } = requestId;
    public string? Source { get; } = source;

    /// <summary>Whether a record was written for this request already.</summary>
    public bool Written => Volatile.Read(ref _written) > 0;

    public static AuditContext? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>The record with the current request's id and source (those it has win).</summary>
    public static AuditEntry Stamp(AuditEntry entry)
    {
        if (Current is not { } context)
        {
            return entry;
        }
        Interlocked.Increment(ref context._written);
        return entry with { RequestId = entry.RequestId ?? context.RequestId, Source = entry.Source ?? context.Source };
    }
}
