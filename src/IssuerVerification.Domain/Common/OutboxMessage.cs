namespace IssuerVerification.Domain.Common;

/// <summary>A message the outbox delivery channel would have sent; the code is kept sealed.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string Channel { get; init; }
    public required string Recipient { get; init; }
    public required string Purpose { get; init; }
    public required string Reference { get; init; }
    public required byte[] SealedCode { get; init; }
    public DateTime CreatedAt { get; init; }
}
