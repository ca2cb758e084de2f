namespace IssuerVerification.FaultTests.Infrastructure;

public static class Cards
{
    /// <summary>A random Luhn-valid PAN with this prefix and length.</summary>
    public static string RandomPan(string prefix, int length = 16)
    {
        var digits = prefix + string.Concat(Enumerable.Range(0, length - prefix.Length - 1).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return digits + CheckDigit(digits);
    }

    private static char CheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0 && (d *= 2) > 9)
            {
                d -= 9;
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary><paramref name="count"/> distinct 3-digit values, none equal to <paramref name="right"/>.</summary>
    public static List<string> WrongValues(string right, int count) =>
        Enumerable.Range(0, 1000).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .Where(v => v != right).OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
}
