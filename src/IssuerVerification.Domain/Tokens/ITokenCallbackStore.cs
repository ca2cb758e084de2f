namespace IssuerVerification.Domain.Tokens;

/// <summary>The callbacks waiting to be delivered (recorded by <see cref="ITokenVerificationStore"/> with their status change).</summary>
public interface ITokenCallbackStore
{
    /// <summary>Undelivered callbacks whose next attempt is due.</summary>
    Task<IReadOnlyList<TokenCallback>> DueAsync(DateTime now, int max, CancellationToken ct);

    /// <summary>
    /// Takes a callback for one attempt: moves its next attempt to <paramref name="leaseUntil"/> if it is still as it was
    /// read, so that one replica sends it while the others skip it. False when another replica took it.
    /// </summary>
    Task<bool> TryClaimAsync(TokenCallback callback, DateTime leaseUntil, CancellationToken ct);

    Task DeliveredAsync(Guid id, DateTime at, CancellationToken ct);

    /// <summary>Counts a failed attempt and sets when to try again.</summary>
    Task RetryAsync(Guid id, int attempts, DateTime nextAttemptAt, CancellationToken ct);
}
