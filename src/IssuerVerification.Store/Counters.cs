namespace IssuerVerification.Store;

/// <summary>Last accepted ATC of one card (fingerprint) and application (cvc3, dcvv).</summary>
public sealed class AtcCounter
{
    public required byte[] CardFingerprint { get; init; }
    public required string Application { get; init; }
    public int LastAtc { get; set; }
}

/// <summary>Consecutive verification failures of one card, across all clients.</summary>
public sealed class CardLockout
{
    public required byte[] CardFingerprint { get; init; }
    public int ConsecutiveFailures { get; set; }
    public DateTime? LockedUntil { get; set; }
}

/// <summary>A single-use dCVV2 window that has matched once.</summary>
public sealed class Dcvv2UsedWindow
{
    public required byte[] CardFingerprint { get; init; }
    public int WindowMinutes { get; init; }
    public long WindowIndex { get; init; }
    public DateTime UsedAt { get; init; }
}
