namespace IssuerVerification.Testing;

/// <summary>A wrong value made from a right one: the same digits with one of them changed (a PAN so changed fails its Luhn check).</summary>
public static class WrongDigit
{
    /// <summary><paramref name="digits"/> with the digit at <paramref name="position"/> moved on by one (9 becomes 0).</summary>
    public static string At(string digits, int position)
    {
        var chars = digits.ToCharArray();
        chars[position] = (char)('0' + (chars[position] - '0' + 1) % 10);
        return new string(chars);
    }

    /// <summary><paramref name="digits"/> with its last digit changed.</summary>
    public static string Last(string digits) => At(digits, digits.Length - 1);
}
