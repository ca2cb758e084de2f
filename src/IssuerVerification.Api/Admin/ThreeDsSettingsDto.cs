namespace IssuerVerification.Api.Admin;

/// <param name="FrictionlessMaxAmount">Largest amount (minor units) authenticated without a challenge (default 5000).</param>
/// <param name="ChallengeMaxAttempts">Wrong OTPs before a challenge fails (default 3).</param>
public sealed record ThreeDsSettingsDto(long? FrictionlessMaxAmount = null, int? ChallengeMaxAttempts = null);
