namespace IssuerVerification.Domain.Delivery;

/// <summary>Delivers codes to cardholders; which channel (outbox or webhook) is configuration. Token verification and 3-D Secure use it.</summary>
public interface IMessageDelivery
{
    Task SendAsync(DeliveryMessage message, CancellationToken ct);
}
