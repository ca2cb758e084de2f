namespace IssuerVerification.Domain.Cards;

public sealed record Dcvv2Settings
{
    public int WindowMinutes { get; init; } = 60;
    public int GraceSeconds { get; init; } = 300;
    public bool SingleUse { get; init; }
}
