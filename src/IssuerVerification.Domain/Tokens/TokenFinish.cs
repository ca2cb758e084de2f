namespace IssuerVerification.Domain.Tokens;

/// <summary>
/// A status change from pending_idv, applied only if the verification is still pending with the OTP hash the caller saw
/// (null: whatever it is), together with its binding and callback: all or nothing.
/// </summary>
public sealed record TokenFinish(
    Guid VerificationId, TokenVerificationStatus Status, byte[]? ExpectedOtpHash, DateTime At, TokenBinding? Binding, TokenCallback? Callback);
