namespace IssuerVerification.Store;

/// <summary>A single-use dCVV2 window that has matched once.</summary>
public sealed class Dcvv2UsedWindow
{
    public required byte[] CardFingerprint { get; init; }
    public int WindowMinutes { get; init; }
    public long WindowIndex { get; init; }
    public DateTime UsedAt { get; init; }
}
