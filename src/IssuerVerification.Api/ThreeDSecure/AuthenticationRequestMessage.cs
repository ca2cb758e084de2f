using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>
/// The EMV 3DS 2.2/2.3 AReq as a directory server forwards it. The elements this ACS uses are typed (all strings, as EMV
/// sends them); every other element EMV defines (browser and SDK data, acctInfo, merchantRiskIndicator, cardholder name,
/// email, addresses, phones, messageExtension, ...) is accepted as sent and kept in <see cref="OtherElements"/> only for
/// the duration of the request: the history keeps their names, never their values.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed class AuthenticationRequestMessage
{
    /// <example>AReq</example>
    public string? MessageType { get; init; }
    /// <example>2.2.0</example>
    public string? MessageVersion { get; init; }
    /// <example>8a880dc0-d2d2-4067-bcb1-b08d1690b26e</example>
    public string? ThreeDSServerTransID { get; init; }
    public string? DsTransID { get; init; }
    /// <summary>01 app, 02 browser.</summary>
    public string? DeviceChannel { get; init; }
    /// <summary>01 payment, 02 non-payment.</summary>
    public string? MessageCategory { get; init; }
    /// <summary>The PAN, 13–19 digits, Luhn-valid.</summary>
    public string? AcctNumber { get; init; }
    /// <summary>YYMM.</summary>
    public string? CardExpiryDate { get; init; }
    /// <summary>Minor units, digits only (payment).</summary>
    public string? PurchaseAmount { get; init; }
    /// <summary>ISO 4217 numeric.</summary>
    public string? PurchaseCurrency { get; init; }
    public string? PurchaseExponent { get; init; }
    public string? MerchantName { get; init; }
    public string? Mcc { get; init; }
    public string? AcquirerBIN { get; init; }
    public string? AcquirerMerchantID { get; init; }
    /// <summary>01–09; 04 mandates a challenge.</summary>
    public string? ThreeDSRequestorChallengeInd { get; init; }
    /// <summary>Browser channel: where the final CRes is posted.</summary>
    public string? NotificationURL { get; init; }
    /// <summary>App channel.</summary>
    public string? SdkAppID { get; init; }
    /// <summary>App channel.</summary>
    public string? SdkTransID { get; init; }

    /// <summary>Every other data element, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? OtherElements { get; init; }

    /// <summary>The elements above that the body gave another JSON type than a string (the message is then only their list).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> WrongTypes { get; init; } = [];

    /// <summary>Minimal APIs bind the body through this (<see cref="AReqBody"/>), so a wrong type is a bad AReq with its Erro.</summary>
    public static ValueTask<AuthenticationRequestMessage> BindAsync(HttpContext http) => AReqBody.ReadAsync(http);
}
