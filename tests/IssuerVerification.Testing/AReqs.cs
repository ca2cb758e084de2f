using System.Text.Json.Nodes;

namespace IssuerVerification.Testing;

/// <summary>Complete AReqs shaped like a directory server's, for both channels and both message categories.</summary>
public static class AReqs
{
    public const string NotificationUrl = "https://merchant.example/3ds/notify";

    /// <summary>A browser AReq as a directory server forwards it, with the browser, account and merchant risk data EMV 2.2 defines.</summary>
    public static JsonObject Browser(string pan, long? amount = 1999, string version = "2.2.0", string category = "01")
    {
        var areq = Common(pan, "02", category, version, amount);
        areq["notificationURL"] = NotificationUrl;
        areq["threeDSCompInd"] = "Y";
        areq["browserAcceptHeader"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        areq["browserIP"] = "192.0.2.44";
        areq["browserJavaEnabled"] = false;
        areq["browserJavascriptEnabled"] = true;
        areq["browserLanguage"] = "en-GB";
        areq["browserColorDepth"] = "24";
        areq["browserScreenHeight"] = "1080";
        areq["browserScreenWidth"] = "1920";
        areq["browserTZ"] = "-60";
        areq["browserUserAgent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
        return areq;
    }

    /// <summary>An app AReq as an SDK's 3DS server sends it: SDK ids, ephemeral key, render options, no notificationURL.</summary>
    public static JsonObject App(string pan, long? amount = 1999, string version = "2.2.0", string category = "01")
    {
        var areq = Common(pan, "01", category, version, amount);
        areq["sdkAppID"] = Guid.NewGuid().ToString();
        areq["sdkTransID"] = Guid.NewGuid().ToString();
        areq["sdkReferenceNumber"] = "3DS_LOA_SDK_PPFU_020100_00007";
        areq["sdkMaxTimeout"] = "05";
        areq["sdkEncData"] = "eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTEyOENCQy1IUzI1NiJ9..c2RrLWRhdGE";
        areq["sdkEphemPubKey"] = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = "mPUKT_bAWGHIhg0TpjjqVsP1rXWQu_vwVOHHtNkdYoA", ["y"] = "8BQAsImGeAS46fyWw5MhYfGTT0IjBpFw2SS34Dv4Irs" };
        areq["deviceRenderOptions"] = new JsonObject { ["sdkInterface"] = "03", ["sdkUiType"] = new JsonArray("01", "02", "03", "04", "05") };
        areq["deviceInfo"] = "eyJEViI6IjEuMCIsIkREIjp7IkMwMDEiOiJBbmRyb2lkIn19";
        return areq;
    }

    private static JsonObject Common(string pan, string channel, string category, string version, long? amount)
    {
        var areq = new JsonObject
        {
            ["messageType"] = "AReq",
            ["messageVersion"] = version,
            ["threeDSServerTransID"] = Guid.NewGuid().ToString(),
            ["dsTransID"] = Guid.NewGuid().ToString(),
            ["dsReferenceNumber"] = "DS_LOA_DIS_PPFU_020100_00010",
            ["dsURL"] = "https://ds.example/3ds/results",
            ["threeDSServerRefNumber"] = "3DS_LOA_SER_PPFU_020100_00008",
            ["threeDSServerOperatorID"] = "1jpeeLAWgGFgS1Ri9tX9",
            ["threeDSServerURL"] = "https://3dss.example/results",
            ["threeDSRequestorID"] = "10075001*Shop",
            ["threeDSRequestorName"] = "Example Shop",
            ["threeDSRequestorURL"] = "https://shop.example",
            ["threeDSRequestorAuthenticationInd"] = "01",
            ["threeDSRequestorChallengeInd"] = "01",
            ["threeDSRequestorAuthenticationInfo"] = new JsonObject { ["threeDSReqAuthMethod"] = "02", ["threeDSReqAuthTimestamp"] = "202611210955" },
            ["deviceChannel"] = channel,
            ["messageCategory"] = category,
            ["acctNumber"] = pan,
            ["acctType"] = "02",
            ["cardExpiryDate"] = "3012",
            ["acquirerBIN"] = "400551",
            ["acquirerMerchantID"] = "SHOP-0001",
            ["mcc"] = "5411",
            ["merchantCountryCode"] = "826",
            ["merchantName"] = "Example Shop",
            ["cardholderName"] = "Pat Holder",
            ["email"] = "pat.holder@example.org",
            ["homePhone"] = new JsonObject { ["cc"] = "44", ["subscriber"] = "2071234567" },
            ["mobilePhone"] = new JsonObject { ["cc"] = "44", ["subscriber"] = "7700900123" },
            ["billAddrLine1"] = "1 High Street",
            ["billAddrCity"] = "London",
            ["billAddrPostCode"] = "EC1A 1BB",
            ["billAddrCountry"] = "826",
            ["shipAddrLine1"] = "1 High Street",
            ["shipAddrCity"] = "London",
            ["shipAddrPostCode"] = "EC1A 1BB",
            ["shipAddrCountry"] = "826",
            ["addrMatch"] = "Y",
            ["acctID"] = "holder-42",
            ["acctInfo"] = new JsonObject { ["chAccAgeInd"] = "05", ["chAccDate"] = "20190101", ["nbPurchaseAccount"] = "0012", ["txnActivityDay"] = "01" },
            ["merchantRiskIndicator"] = new JsonObject { ["deliveryTimeframe"] = "02", ["reorderItemsInd"] = "01", ["shipIndicator"] = "01" },
            ["messageExtension"] = new JsonArray(new JsonObject { ["name"] = "ext", ["id"] = "A000000802-001", ["criticalityIndicator"] = false, ["data"] = new JsonObject { ["k"] = "v" } }),
        };
        if (category == "01")
        {
            areq["purchaseAmount"] = amount?.ToString();
            areq["purchaseCurrency"] = "978";
            areq["purchaseExponent"] = "2";
            areq["purchaseDate"] = "20261121100000";
            areq["transType"] = "01";
        }
        else
        {
            areq.Remove("threeDSRequestorChallengeInd");
            areq["threeDSRequestorAuthenticationInd"] = "04";
        }
        if (version == "2.3.1")
        {
            areq["threeDSRequestorDecReqInd"] = "N";
            areq["deviceBindingStatus"] = "11";
            areq["acceptLanguage"] = new JsonArray("en-GB");
        }
        return areq;
    }
}
