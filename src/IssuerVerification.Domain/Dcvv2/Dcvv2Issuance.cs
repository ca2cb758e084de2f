namespace IssuerVerification.Domain.Dcvv2;

/// <summary>Which time windows were issued to a card, when and to whom. Never the values.</summary>
public sealed class Dcvv2Issuance
{
    public Guid Id { get; init; }
    public required byte[] CardFingerprint { get; init; }
    public long FirstWindow { get; init; }
    public long LastWindow { get; init; }
    public int WindowMinutes { get; init; }
    public DateTime IssuedAt { get; init; }
    public required string Client { get; init; }

    public bool Covers(long window, int windowMinutes) => windowMinutes == WindowMinutes && window >= FirstWindow && window <= LastWindow;
}
