namespace IssuerVerification.Domain.Tokens;

/// <summary>The outcome of one OTP check: the status it left and the wrong codes still allowed.</summary>
public sealed record OtpCheck(TokenVerificationStatus Status, int AttemptsRemaining);
