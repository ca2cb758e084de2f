namespace IssuerVerification.Domain.Dcvv2;

/// <summary>A dCVV2 time window (docs/algorithms.md §9): index w covers [w·L, (w+1)·L) on the Unix clock, L = window length.</summary>
public readonly record struct Dcvv2Window(long Index, int Minutes)
{
    private long Seconds => Minutes * 60L;

    public static Dcvv2Window Containing(DateTimeOffset time, int minutes) =>
        new(Math.DivRem(time.ToUnixTimeSeconds(), minutes * 60L, out var remainder) - (remainder < 0 ? 1 : 0), minutes);

    public DateTimeOffset ValidFrom => DateTimeOffset.FromUnixTimeSeconds(Index * Seconds);

    /// <summary>Exclusive end.</summary>
    public DateTimeOffset ValidUntil => DateTimeOffset.FromUnixTimeSeconds((Index + 1) * Seconds);

    public Dcvv2Window Next(int by = 1) => this with { Index = Index + by };
}
