namespace IssuerVerification.Domain.Tokens;

/// <summary>A card range's thresholds for token verification (docs/token-verification.md).</summary>
public sealed record TokenVerificationSettings
{
    /// <summary>A risk score at or above this is declined (red).</summary>
    public int RedFromScore { get; init; } = 80;
    /// <summary>A risk score at or above this (and below <see cref="RedFromScore"/>) asks for step-up (yellow).</summary>
    public int YellowFromScore { get; init; } = 40;
    /// <summary>Wrong OTPs before a step-up fails.</summary>
    public int OtpMaxAttempts { get; init; } = 3;
    /// <summary>OTPs that may be sent for one verification (each replaces the previous one).</summary>
    public int OtpMaxSends { get; init; } = 3;
    /// <summary>Time from creation to finish a step-up before it expires.</summary>
    public int StepUpMinutes { get; init; } = 10;
}
