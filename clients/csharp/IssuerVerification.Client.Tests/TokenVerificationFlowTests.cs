namespace IssuerVerification.Client.Tests;

/// <summary>The token verification flows of docs/token-verification.md through the generated client.</summary>
public sealed class TokenVerificationFlowTests : IClassFixture<DemoServer>
{
    private readonly IssuerVerificationClient _merchant;
    private readonly IssuerVerificationClient _admin;

    public TokenVerificationFlowTests(DemoServer server)
    {
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoServer.DemoClientKey);
        _merchant = new IssuerVerificationClient(http);
        _admin = server.Client();
    }

    private Task<TokenVerificationResponse> CreateAsync(string device, int score) =>
        _merchant.CreateTokenVerificationAsync(new CreateTokenVerificationRequest
        {
            RequestType = TokenRequestType.Device_binding,
            Network = Network.Visa,
            TokenReference = "tok-client-" + device,
            Pan = "4444333322221111",
            TokenRequestor = new TokenRequestor { Id = "40010075001" },
            Device = new Device { Id = device },
            Risk = new Risk { Score = score },
        });

    [Fact]
    public async Task Green_binds_the_device()
    {
        var green = await CreateAsync("green-1", 5);

        Assert.Equal(TokenDecision.Green, green.Decision);
        Assert.Equal(TokenVerificationStatus.Approved, green.Status);
        Assert.Empty(green.IdvMethods);
        var binding = Assert.Single(await _merchant.ListTokenBindingsAsync("tok-client-green-1"));
        Assert.Equal("green-1", binding.DeviceId);
    }

    [Fact]
    public async Task Yellow_then_otp_step_up_verifies()
    {
        var yellow = await CreateAsync("yellow-1", 25);
        Assert.Equal(TokenDecision.Yellow, yellow.Decision);
        var phone = yellow.IdvMethods.First(m => m.Type == IdvMethodType.Cell_phone);
        Assert.EndsWith("0100", phone.Value);

        await _merchant.SendTokenVerificationOtpAsync(yellow.Id, new SendOtpRequest { MethodId = phone.Id });
        var code = (await _admin.ListOutboxMessagesAsync(yellow.Id.ToString())).Last().Code;
        var verified = await _merchant.VerifyTokenVerificationOtpAsync(yellow.Id, new VerifyOtpRequest { Otp = code });

        Assert.Equal(TokenVerificationStatus.Verified, verified.Status);
        Assert.Equal(TokenVerificationStatus.Verified, (await _merchant.GetTokenVerificationAsync(yellow.Id)).Status);
    }

    [Fact]
    public async Task Yellow_declined_in_the_issuer_app()
    {
        var yellow = await CreateAsync("app-1", 25);

        var answer = await _merchant.DecideTokenVerificationInAppAsync(yellow.Id, new AppDecisionRequest { Approved = false });

        Assert.Equal(TokenVerificationStatus.Declined, answer.Status);
        Assert.Empty(await _merchant.ListTokenBindingsAsync("tok-client-app-1"));
    }
}
