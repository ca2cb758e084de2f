namespace IssuerVerification.Api.Admin;

/// <param name="RedFromScore">Risk score from which a request is declined (default 80).</param>
/// <param name="YellowFromScore">Risk score from which a step-up is asked (default 40).</param>
/// <param name="OtpMaxAttempts">Wrong OTPs before a step-up fails (default 3).</param>
/// <param name="OtpMaxSends">OTPs that may be sent for one verification (default 3).</param>
/// <param name="StepUpMinutes">Minutes to finish a step-up before it expires (default 10).</param>
public sealed record TokenVerificationSettingsDto(
    int? RedFromScore = null, int? YellowFromScore = null, int? OtpMaxAttempts = null, int? OtpMaxSends = null, int? StepUpMinutes = null);
