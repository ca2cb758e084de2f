namespace IssuerVerification.Store;

/// <summary>Last accepted ATC of one card (fingerprint) and application (cvc3, dcvv).</summary>
public sealed class AtcCounter
{
    public required byte[] CardFingerprint { get; init; }
    public required string Application { get; init; }
    public int LastAtc { get; set; }
}
