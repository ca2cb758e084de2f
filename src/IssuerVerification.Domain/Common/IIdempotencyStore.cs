namespace IssuerVerification.Domain.Common;

/// <summary>The first response to a request carrying an Idempotency-Key; its body is kept sealed (encrypted).</summary>
public sealed class IdempotencyRecord
{
    public required string Client { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; init; }
    public int StatusCode { get; init; }
    public required byte[] SealedBody { get; init; }
    public DateTime CreatedAt { get; init; }
}

public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string client, string key, CancellationToken ct);
    /// <summary>False when a record with this client and key exists already.</summary>
    Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken ct);
}
