namespace IssuerVerification.Domain.Cards;

public sealed record ThreeDsSettings
{
    public long FrictionlessMaxAmount { get; init; } = 5000;
    public int ChallengeMaxAttempts { get; init; } = 3;
}
