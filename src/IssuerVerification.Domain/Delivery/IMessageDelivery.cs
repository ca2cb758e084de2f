using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Delivery;

/// <summary>Delivers codes to cardholders; which channel (outbox or webhook) is configuration. Token verification and 3-D Secure use it.</summary>
public interface IMessageDelivery
{
    Task SendAsync(DeliveryMessage message, CancellationToken ct);

    /// <summary>
    /// For a channel that delivers by storing (the outbox): the row to write in the caller's own transaction, instead of
    /// <see cref="SendAsync"/>. Null for a channel that delivers after the caller's change (the webhook).
    /// </summary>
    Task<OutboxMessage?> StoredAsync(DeliveryMessage message, CancellationToken ct);
}
