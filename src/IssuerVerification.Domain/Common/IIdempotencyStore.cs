namespace IssuerVerification.Domain.Common;

/// <summary>Idempotency-Key records per client. Reservation is atomic: of concurrent requests with one key, one is first.</summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves the key (a record with status 0); false when the client has a record with this key already.</summary>
    Task<bool> TryReserveAsync(IdempotencyRecord reservation, CancellationToken ct);

    Task<IdempotencyRecord?> FindAsync(string client, string key, CancellationToken ct);

    /// <summary>Stores the response of the request that holds the reservation.</summary>
    Task CompleteAsync(IdempotencyRecord response, CancellationToken ct);

    /// <summary>Gives up a reservation whose request produced no response to keep, so the key can be used again.</summary>
    Task ReleaseAsync(string client, string key, CancellationToken ct);

    /// <summary>Takes over a reservation made at <paramref name="reservedAt"/> whose request never finished (its replica died).</summary>
    Task<bool> TryTakeOverAsync(string client, string key, DateTime reservedAt, DateTime now, CancellationToken ct);

    /// <summary>Deletes the client's record with this key if it was made at <paramref name="createdAt"/> (an expired one).</summary>
    Task RemoveAsync(string client, string key, DateTime createdAt, CancellationToken ct);
}
