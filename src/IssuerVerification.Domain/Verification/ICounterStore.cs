using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Domain.Verification;

/// <summary>Per-card counters shared by every client and replica: ATCs per application and consecutive failures.</summary>
public interface ICounterStore
{
    /// <summary>The last accepted ATC of this card and application, or null before the first.</summary>
    Task<int?> LastAtcAsync(byte[] cardFingerprint, string application, CancellationToken ct);

    /// <summary>
    /// Atomically records <paramref name="atc"/> when it is above the last accepted one and at most
    /// <paramref name="maxStep"/> above it (any ATC is accepted first). Of concurrent callers with one ATC, exactly one gets true.
    /// </summary>
    Task<bool> TryAdvanceAtcAsync(byte[] cardFingerprint, string application, int atc, int maxStep, CancellationToken ct);

    /// <summary>The registered card with this fingerprint (if any) and its lockout state, in one read.</summary>
    Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct);

    /// <summary>Atomically counts a failure; the one that reaches <paramref name="maxFailures"/> locks the card until <paramref name="lockUntil"/> and restarts the count.</summary>
    Task RecordFailureAsync(byte[] cardFingerprint, int maxFailures, DateTime lockUntil, CancellationToken ct);

    Task ResetFailuresAsync(byte[] cardFingerprint, CancellationToken ct);
}

public sealed record LockoutState(int ConsecutiveFailures, DateTime? LockedUntil);

/// <summary>What every verification checks first: the registered card (null for an unregistered PAN) and its lockout.</summary>
public sealed record CardState(Card? Card, LockoutState Lockout);
