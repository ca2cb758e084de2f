using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Delivery;

public interface IOutboxStore
{
    Task AddAsync(OutboxMessage message, CancellationToken ct);

    Task<IReadOnlyList<OutboxMessage>> ListAsync(string reference, CancellationToken ct);
}
