namespace IssuerVerification.Domain.CardVerification;

/// <summary>The last accepted application transaction counter per card and application, shared by every client and replica.</summary>
public interface IAtcStore
{
    /// <summary>The last accepted ATC of this card and application, or null before the first.</summary>
    Task<int?> LastAtcAsync(byte[] cardFingerprint, string application, CancellationToken ct);

    /// <summary>
    /// Atomically records <paramref name="atc"/> when it is above the last accepted one and at most
    /// <paramref name="maxStep"/> above it (any ATC is accepted first). Of concurrent callers with one ATC, exactly one gets true.
    /// </summary>
    Task<bool> TryAdvanceAtcAsync(byte[] cardFingerprint, string application, int atc, int maxStep, CancellationToken ct);
}
