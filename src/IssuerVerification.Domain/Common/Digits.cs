namespace IssuerVerification.Domain.Common;

/// <summary>Checks on digit and hex strings shared by the value objects and validators.</summary>
public static class Digits
{
    public static bool AreDigits(string? value, int minLength, int maxLength) =>
        value is not null && value.Length >= minLength && value.Length <= maxLength && value.All(char.IsAsciiDigit);

    public static bool AreHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(char.IsAsciiHexDigit);
}
