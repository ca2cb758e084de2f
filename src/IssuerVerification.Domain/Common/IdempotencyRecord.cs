namespace IssuerVerification.Domain.Common;

/// <summary>
/// A request carrying an Idempotency-Key: reserved by the first request (<see cref="StatusCode"/> 0 while it runs), then
/// its response, whose body is kept sealed (encrypted).
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Client { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; init; }
    /// <summary>0 while the first request runs; then the status of its response.</summary>
    public int StatusCode { get; init; }
    public required byte[] SealedBody { get; init; }
    /// <summary>The response's Location header, replayed with it.</summary>
    public string? Location { get; init; }
    public DateTime CreatedAt { get; init; }

    public bool IsCompleted => StatusCode != 0;
}
