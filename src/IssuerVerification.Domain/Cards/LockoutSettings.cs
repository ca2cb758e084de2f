namespace IssuerVerification.Domain.Cards;

public sealed record LockoutSettings
{
    public int MaxFailures { get; init; } = 5;
    public int LockMinutes { get; init; } = 30;
}
