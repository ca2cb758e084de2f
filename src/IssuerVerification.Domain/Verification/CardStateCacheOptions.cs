namespace IssuerVerification.Domain.Verification;

/// <summary>How long a replica may answer from a card's state read earlier (0 turns the cache off), and for how many cards.</summary>
public sealed record CardStateCacheOptions(TimeSpan Lifetime, int MaxEntries = 100_000)
{
    public static readonly CardStateCacheOptions Default = new(TimeSpan.FromSeconds(5));
}
