namespace IssuerVerification.Domain.Verification;

/// <summary>What every verification checks first, per card and shared by every client and replica: registration and lockout.</summary>
public interface ILockoutStore
{
    /// <summary>The registered card with this fingerprint (if any) and its lockout state, in one read.</summary>
    Task<CardState> CardStateAsync(byte[] cardFingerprint, CancellationToken ct);

    /// <summary>Atomically counts a failure; the one that reaches <paramref name="maxFailures"/> locks the card until <paramref name="lockUntil"/> and restarts the count.</summary>
    Task RecordFailureAsync(byte[] cardFingerprint, int maxFailures, DateTime lockUntil, CancellationToken ct);

    Task ResetFailuresAsync(byte[] cardFingerprint, CancellationToken ct);
}
