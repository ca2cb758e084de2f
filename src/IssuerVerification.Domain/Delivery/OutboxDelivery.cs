using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.Keys;

namespace IssuerVerification.Domain.Delivery;

/// <summary>
/// The development and test channel: the message is stored (its code sealed) and read back with
/// <c>GET /v1/admin/outbox?reference=</c>; the codes of a step-up are purged when it ends.
/// </summary>
public sealed class OutboxDelivery(IOutboxStore store, Sealer sealer, TimeProvider clock) : IMessageDelivery
{
    public async Task SendAsync(DeliveryMessage message, CancellationToken ct) => await store.AddAsync(await RowAsync(message, ct), ct);

    public async Task<OutboxMessage?> StoredAsync(DeliveryMessage message, CancellationToken ct) => await RowAsync(message, ct);

    private async Task<OutboxMessage> RowAsync(DeliveryMessage message, CancellationToken ct) => new()
    {
        Id = Guid.CreateVersion7(),
        Channel = message.Channel,
        Recipient = message.Recipient,
        Purpose = message.Purpose,
        Reference = message.Reference,
        SealedCode = await sealer.SealAsync(System.Text.Encoding.ASCII.GetBytes(message.Code), ct),
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>The messages sent for <paramref name="reference"/>, each with its code in clear.</summary>
    public async Task<IReadOnlyList<(OutboxMessage Message, string Code)>> ReadAsync(string reference, CancellationToken ct)
    {
        var messages = await store.ListAsync(reference, ct);
        var read = new List<(OutboxMessage, string)>(messages.Count);
        foreach (var message in messages)
        {
            read.Add((message, System.Text.Encoding.ASCII.GetString(await sealer.UnsealAsync(message.SealedCode, ct))));
        }
        return read;
    }
}
