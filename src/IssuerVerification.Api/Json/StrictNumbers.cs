namespace IssuerVerification.Api.Json;

/// <summary>The messages of the strict number converters.</summary>
internal static class StrictNumbers
{
    public const string ExpectedNumber = "Expected a number.";
    public const string ExpectedWholeNumber = "Expected a whole number in range.";
}
