using System.Globalization;
using System.Text.Json;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure;

/// <summary>From a valid AReq to what the ACS uses, and from its answer to the ARes.</summary>
public static class AReqMapping
{
    public static AuthenticationRequest ToDomain(AuthenticationRequestMessage m, JsonSerializerOptions json, DateTime now)
    {
        var pan = Pan.Parse(m.AcctNumber!);
        var payment = m.MessageCategory == "01";
        return new AuthenticationRequest(
            m.MessageVersion!, m.ThreeDSServerTransID!, m.DeviceChannel == "01" ? DeviceChannel.App : DeviceChannel.Browser,
            payment ? MessageCategory.Payment : MessageCategory.NonPayment, pan,
            Number(m.PurchaseAmount), m.PurchaseCurrency, (int?)Number(m.PurchaseExponent), m.MerchantName, m.ThreeDSRequestorChallengeInd,
            m.NotificationURL, JsonSerializer.SerializeToUtf8Bytes(m, json), Trace(m, pan, now));
    }

    public static AuthenticationResponseMessage ToAres(AuthenticationResult result, string? dsTransId, Uri challengeUrl)
    {
        var a = result.Authentication;
        var challenge = a.AresStatus == TransStatus.Challenge;
        return new AuthenticationResponseMessage("ARes", a.MessageVersion, a.ThreeDsServerTransId, dsTransId, a.AcsTransId, a.AresStatus,
            a.AresReason, Eci.For(a.Network, a.AresStatus), TransStatus.CarriesValue(a.AresStatus) ? result.AuthenticationValue : null,
            challenge && a.Channel == DeviceChannel.Browser ? challengeUrl.ToString() : null,
            challenge ? "N" : null, challenge ? ThreeDsChallenges.AuthenticationType : null,
            a.AresStatus == TransStatus.Authenticated, TransStatus.CarriesValue(a.AresStatus));
    }

    /// <summary>The AReq as the history keeps it: the elements the ACS uses (PAN masked, no expiry) and only the names of the others.</summary>
    private static ThreeDsMessage Trace(AuthenticationRequestMessage m, Pan pan, DateTime now) => new("AReq", now, new Dictionary<string, string?>
    {
        ["messageType"] = m.MessageType,
        ["messageVersion"] = m.MessageVersion,
        ["threeDSServerTransID"] = m.ThreeDSServerTransID,
        ["dsTransID"] = m.DsTransID,
        ["deviceChannel"] = m.DeviceChannel,
        ["messageCategory"] = m.MessageCategory,
        ["acctNumber"] = pan.Masked,
        ["purchaseAmount"] = m.PurchaseAmount,
        ["purchaseCurrency"] = m.PurchaseCurrency,
        ["purchaseExponent"] = m.PurchaseExponent,
        ["merchantName"] = m.MerchantName,
        ["mcc"] = m.Mcc,
        ["acquirerBIN"] = m.AcquirerBIN,
        ["acquirerMerchantID"] = m.AcquirerMerchantID,
        ["threeDSRequestorChallengeInd"] = m.ThreeDSRequestorChallengeInd,
        ["notificationURL"] = m.NotificationURL,
        ["sdkAppID"] = m.SdkAppID,
        ["sdkTransID"] = m.SdkTransID,
        ["otherElements"] = m.OtherElements is { Count: > 0 } others ? string.Join(',', others.Keys.Order(StringComparer.Ordinal)) : null,
    });

    private static long? Number(string? digits) => digits is null ? null : long.Parse(digits, CultureInfo.InvariantCulture);
}
