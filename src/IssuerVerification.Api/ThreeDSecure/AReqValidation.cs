using System.Globalization;
using IssuerVerification.Domain.Cards;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// Checks an AReq as a directory server expects (docs/3ds.md): messageVersion 2.2.0 or 2.3.1 (else 102), the elements
/// required for its deviceChannel and messageCategory (201), and the format of what is given (203).
/// </summary>
public static class AReqValidation
{
    public const string VersionNotSupported = "102";
    public const string RequiredMissing = "201";
    public const string InvalidFormat = "203";
    public static readonly IReadOnlyList<string> Versions = ["2.2.0", "2.3.1"];

    public sealed record Failure(string Field, string Code, string Message);

    public static IReadOnlyList<Failure> Check(AuthenticationRequestMessage m)
    {
        if (m.WrongTypes.Count > 0)
        {
            return [.. m.WrongTypes.Select(field => new Failure(field, InvalidFormat, $"{field} must be a JSON string."))];
        }
        var failures = new List<Failure>();
        void Required(string field, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                failures.Add(new(field, RequiredMissing, $"{field} is required."));
            }
        }
        void Format(string field, string? value, Func<string, bool> valid, string rule)
        {
            if (!string.IsNullOrEmpty(value) && !valid(value))
            {
                failures.Add(new(field, InvalidFormat, $"{field} must be {rule}."));
            }
        }

        Required("messageVersion", m.MessageVersion);
        if (!string.IsNullOrEmpty(m.MessageVersion) && !Versions.Contains(m.MessageVersion))
        {
            failures.Add(new("messageVersion", VersionNotSupported, $"messageVersion {m.MessageVersion} is not supported: 2.2.0 or 2.3.1."));
        }
        Required("threeDSServerTransID", m.ThreeDSServerTransID);
        Required("deviceChannel", m.DeviceChannel);
        Required("messageCategory", m.MessageCategory);
        Required("acctNumber", m.AcctNumber);
        Format("messageType", m.MessageType, v => v == "AReq", "AReq");
        Format("threeDSServerTransID", m.ThreeDSServerTransID, IsUuid, "a UUID (36 characters)");
        Format("dsTransID", m.DsTransID, IsUuid, "a UUID (36 characters)");
        Format("deviceChannel", m.DeviceChannel, v => v is "01" or "02", "01 (app) or 02 (browser)");
        Format("messageCategory", m.MessageCategory, v => v is "01" or "02", "01 (payment) or 02 (non-payment)");
        Format("acctNumber", m.AcctNumber, v => Digits(v, 13, 19) && Pan.IsLuhnValid(v), "13 to 19 digits, Luhn-valid");
        Format("cardExpiryDate", m.CardExpiryDate, v => Digits(v, 4, 4) && int.Parse(v[2..], CultureInfo.InvariantCulture) is >= 1 and <= 12, "YYMM");
        Format("purchaseAmount", m.PurchaseAmount, v => Digits(v, 1, 18), "the amount in minor units, digits only (at most 18)");
        Format("purchaseCurrency", m.PurchaseCurrency, v => Digits(v, 3, 3) && v is not ("955" or "956" or "957" or "958" or "959" or "960" or "961" or "962" or "963" or "964" or "999"),
            "an ISO 4217 numeric currency code");
        Format("purchaseExponent", m.PurchaseExponent, v => Digits(v, 1, 1), "one digit");
        Format("merchantName", m.MerchantName, v => v.Length <= 40, "at most 40 characters");
        Format("mcc", m.Mcc, v => Digits(v, 4, 4), "4 digits");
        Format("acquirerBIN", m.AcquirerBIN, v => Digits(v, 1, 11), "1 to 11 digits");
        Format("acquirerMerchantID", m.AcquirerMerchantID, v => v.Length <= 35, "at most 35 characters");
        Format("threeDSRequestorChallengeInd", m.ThreeDSRequestorChallengeInd, v => Digits(v, 2, 2), "2 digits (01–09)");
        Format("notificationURL", m.NotificationURL, v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && v.Length <= 256,
            "an absolute http(s) URL of at most 256 characters");
        Format("sdkTransID", m.SdkTransID, IsUuid, "a UUID (36 characters)");
        Format("sdkAppID", m.SdkAppID, IsUuid, "a UUID (36 characters)");
        if (m.MessageCategory == "01")
        {
            Required("purchaseAmount", m.PurchaseAmount);
            Required("purchaseCurrency", m.PurchaseCurrency);
            Required("purchaseExponent", m.PurchaseExponent);
            Required("merchantName", m.MerchantName);
        }
        if (m.DeviceChannel == "02")
        {
            Required("notificationURL", m.NotificationURL);
        }
        if (m.DeviceChannel == "01")
        {
            Required("sdkAppID", m.SdkAppID);
            Required("sdkTransID", m.SdkTransID);
        }
        return failures;
    }

    /// <summary>The Erro message: 102 before 201 before 203, naming every element with that code.</summary>
    public static ErrorMessage Erro(AuthenticationRequestMessage m, IReadOnlyList<Failure> failures)
    {
        var code = failures.Select(f => f.Code).Min()!;
        var description = code switch
        {
            VersionNotSupported => "Message version not supported",
            RequiredMissing => "Required data element missing",
            _ => "Format of one or more data elements is invalid",
        };
        var fields = string.Join(',', failures.Where(f => f.Code == code).Select(f => f.Field).Distinct());
        return new ErrorMessage("Erro", m.MessageVersion, m.ThreeDSServerTransID, code, "A", description, fields, "AReq");
    }

    private static bool Digits(string v, int min, int max) => v.Length >= min && v.Length <= max && v.All(char.IsAsciiDigit);

    private static bool IsUuid(string v) => v.Length == 36 && Guid.TryParseExact(v, "D", out _);
}
