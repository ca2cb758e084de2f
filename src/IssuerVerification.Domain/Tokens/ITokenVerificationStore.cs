using IssuerVerification.Domain.Audit;
using IssuerVerification.Domain.Common;

namespace IssuerVerification.Domain.Tokens;

public interface ITokenVerificationStore
{
    /// <summary>Adds a verification with its audit record, and a final one with its binding and callback: one transaction.</summary>
    Task AddAsync(TokenVerification verification, TokenBinding? binding, TokenCallback? callback, AuditEntry audit, CancellationToken ct);

    Task<TokenVerification?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Whether this token was ever bound to this subject (<see cref="TokenBinding.Subject"/>).</summary>
    Task<bool> IsBoundAsync(string tokenReference, string subject, CancellationToken ct);

    Task<IReadOnlyList<TokenBinding>> BindingsAsync(string tokenReference, CancellationToken ct);

    /// <summary>
    /// Records a new OTP if the verification is pending with fewer than its maximum sends, and with it (in the same
    /// transaction) <paramref name="message"/>, the outbox channel's copy of the code; false otherwise, and nothing is stored
    /// but the audit record. That record is written either way: as given when the OTP counts, with outcome
    /// <see cref="AuditOutcomes.Refused"/> when not.
    /// </summary>
    Task<bool> TryReplaceOtpAsync(Guid id, byte[] otpHash, DateTime at, OutboxMessage? message, AuditEntry audit, CancellationToken ct);

    /// <summary>
    /// Counts a wrong OTP if the verification is pending with this OTP hash and attempts left; the last one allowed makes it
    /// <see cref="TokenVerificationStatus.Failed"/> with <paramref name="failedCallback"/>. Returns the failures counted so far,
    /// this one included; null when nothing was counted.
    /// </summary>
    Task<int?> TryCountFailureAsync(Guid id, byte[] otpHash, DateTime at, TokenCallback? failedCallback, CancellationToken ct);

    /// <summary>Applies <paramref name="finish"/> if the verification is still as expected; false when another change came first.</summary>
    Task<bool> TryFinishAsync(TokenFinish finish, CancellationToken ct);

    /// <summary>Pending verifications whose step-up time is over.</summary>
    Task<IReadOnlyList<TokenVerification>> DueForExpiryAsync(DateTime now, int max, CancellationToken ct);
}
