using System.Globalization;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>An AReq amount (minor units, ISO 4217 numeric currency, exponent) as a cardholder reads it: <c>EUR 1,234.56</c>.</summary>
public static class PurchaseAmount
{
    // The alphabetic codes of the currencies a cardholder is likely to meet; any other shows its numeric code.
    private static readonly Dictionary<string, string> Alphabetic = new()
    {
        ["036"] = "AUD",
        ["124"] = "CAD",
        ["156"] = "CNY",
        ["203"] = "CZK",
        ["208"] = "DKK",
        ["344"] = "HKD",
        ["348"] = "HUF",
        ["356"] = "INR",
        ["376"] = "ILS",
        ["392"] = "JPY",
        ["410"] = "KRW",
        ["484"] = "MXN",
        ["554"] = "NZD",
        ["578"] = "NOK",
        ["702"] = "SGD",
        ["710"] = "ZAR",
        ["752"] = "SEK",
        ["756"] = "CHF",
        ["826"] = "GBP",
        ["840"] = "USD",
        ["946"] = "RON",
        ["949"] = "TRY",
        ["978"] = "EUR",
        ["985"] = "PLN",
        ["986"] = "BRL",
    };

    public static string Format(long minorUnits, string currency, int exponent)
    {
        var amount = minorUnits / (decimal)Math.Pow(10, exponent);
        var code = Alphabetic.GetValueOrDefault(currency, currency);
        return code + " " + amount.ToString("N" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
