using System.Net.Http.Json;

namespace IssuerVerification.Client.Tests;

/// <summary>
/// The token verification flows of docs/token-verification.md through the generated client. The create request alone is
/// posted as JSON: NSwag's System.Text.Json output writes a multi-word enum value as its member name (<c>Device_binding</c>,
/// it ignores <c>[EnumMember]</c>), which the strict server refuses (docs/clients.md). Its answer is read as the generated type.
/// </summary>
public sealed class TokenVerificationFlowTests : IClassFixture<DemoServer>
{
    private readonly HttpClient _http;
    private readonly IssuerVerificationClient _merchant;
    private readonly IssuerVerificationClient _admin;

    public TokenVerificationFlowTests(DemoServer server)
    {
        _http = server.CreateClient();
        _http.DefaultRequestHeaders.Add("X-Api-Key", DemoServer.DemoClientKey);
        _merchant = new IssuerVerificationClient(_http);
        _admin = server.Client();
    }

    private async Task<TokenVerificationResponse> CreateAsync(string device, int score)
    {
        var response = await _http.PostAsJsonAsync("/v1/token-verifications", new
        {
            requestType = "device_binding",
            network = "visa",
            tokenReference = "tok-client-" + device,
            pan = "4444333322221111",
            tokenRequestor = new { id = "40010075001" },
            device = new { id = device },
            risk = new { score },
        });
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonSerializer.Deserialize<TokenVerificationResponse>(await response.Content.ReadAsStringAsync())!;
    }

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
