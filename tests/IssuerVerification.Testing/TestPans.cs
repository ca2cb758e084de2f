namespace IssuerVerification.Testing;

/// <summary>Test card numbers.</summary>
public static class TestPans
{
    /// <summary>A random Luhn-valid PAN with this prefix and length.</summary>
    public static string Random(string prefix, int length = 16)
    {
        var digits = prefix + string.Concat(Enumerable.Range(0, length - prefix.Length - 1).Select(_ => (char)('0' + System.Random.Shared.Next(10))));
        return digits + CheckDigit(digits);
    }

    /// <summary>The Luhn check digit that completes <paramref name="body"/>.</summary>
    public static char CheckDigit(string body)
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
}
