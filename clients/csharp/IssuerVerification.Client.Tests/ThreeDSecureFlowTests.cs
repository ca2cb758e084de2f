namespace IssuerVerification.Client.Tests;

/// <summary>The 3-D Secure flows of docs/3ds.md through the generated client: frictionless, and an app challenge.</summary>
public sealed class ThreeDSecureFlowTests : IClassFixture<DemoServer>
{
    private readonly IssuerVerificationClient _acs;
    private readonly IssuerVerificationClient _admin;

    public ThreeDSecureFlowTests(DemoServer server)
    {
        _acs = server.Client(DemoServer.DemoClientKey);
        _admin = server.Client();
    }

    private static AuthenticationRequestMessage AReq(string amount, string channel) => new()
    {
        MessageType = "AReq",
        MessageVersion = "2.2.0",
        ThreeDSServerTransID = Guid.NewGuid().ToString(),
        DsTransID = Guid.NewGuid().ToString(),
        DeviceChannel = channel,
        MessageCategory = "01",
        AcctNumber = "4444333322221111",
        CardExpiryDate = "9911",
        PurchaseAmount = amount,
        PurchaseCurrency = "978",
        PurchaseExponent = "2",
        MerchantName = "Example Shop",
        NotificationURL = channel == "02" ? "https://merchant.example/3ds/notify" : null,
        SdkAppID = channel == "01" ? Guid.NewGuid().ToString() : null,
        SdkTransID = channel == "01" ? Guid.NewGuid().ToString() : null,
    };

    [Fact]
    public async Task Frictionless_then_the_value_verifies_once()
    {
        var ares = await _acs.AuthenticateAsync(AReq("1999", "02"));

        Assert.Equal(("Y", "05"), (ares.TransStatus, ares.Eci));
        var result = await _acs.GetAuthenticationResultAsync(ares.AcsTransID);
        Assert.Equal(ares.AuthenticationValue, result.AuthenticationValue);
        Assert.Equal(3, result.SignedResult.Split('.').Length);
        var verify = new CavvVerifyRequest { Pan = "4444333322221111", AuthenticationValue = ares.AuthenticationValue! };
        Assert.Equal(VerificationOutcome.Match, (await _acs.VerifyAuthenticationValueAsync(verify)).Result);
        Assert.Equal(MismatchReason.Already_used, (await _acs.VerifyAuthenticationValueAsync(verify)).Reason);
    }

    [Fact]
    public async Task App_challenge_with_the_code_from_the_outbox()
    {
        var ares = await _acs.AuthenticateAsync(AReq("9999", "01"));
        Assert.Equal("C", ares.TransStatus);

        var opened = await _acs.ChallengeAsync(ares.AcsTransID, new ChallengeRequestMessage());
        Assert.Equal("N", opened.ChallengeCompletionInd);
        var code = (await _admin.ListOutboxMessagesAsync(ares.AcsTransID.ToString())).Last().Code;
        var done = await _acs.ChallengeAsync(ares.AcsTransID, new ChallengeRequestMessage { ChallengeDataEntry = code });

        Assert.Equal(("Y", "Y"), (done.ChallengeCompletionInd, done.TransStatus));
        var record = await _acs.GetAuthenticationHistoryAsync(ares.AcsTransID);
        Assert.Equal("Y", record.Record.TransStatus);
        Assert.Null((await _acs.CheckAuthenticationHistoryAsync()).FirstBroken);
    }
}
