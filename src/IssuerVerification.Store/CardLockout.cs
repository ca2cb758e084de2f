namespace IssuerVerification.Store;

/// <summary>Consecutive verification failures of one card, across all clients.</summary>
public sealed class CardLockout
{
    public required byte[] CardFingerprint { get; init; }
    public int ConsecutiveFailures { get; set; }
    public DateTime? LockedUntil { get; set; }
}
