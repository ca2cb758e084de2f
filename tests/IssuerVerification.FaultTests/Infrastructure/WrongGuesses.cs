namespace IssuerVerification.FaultTests.Infrastructure;

/// <summary>Wrong guesses at a card value.</summary>
public static class WrongGuesses
{
    /// <summary><paramref name="count"/> distinct 3-digit values, none equal to <paramref name="right"/>.</summary>
    public static List<string> Values(string right, int count) =>
        Enumerable.Range(0, 1000).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .Where(v => v != right).OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
}
