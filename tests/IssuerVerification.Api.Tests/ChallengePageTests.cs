using System.Buffers.Text;
using System.Text;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Api.ThreeDSecure.ChallengePage;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>The browser challenge page's parts: CReq decoding, the form token, amounts, escaping (the flows: BrowserTests).</summary>
public sealed class ChallengePageTests
{
    private static readonly Guid ServerTransId = Guid.Parse("8a880dc0-d2d2-4067-bcb1-b08d1690b26e");
    private static readonly Guid AcsTransId = Guid.Parse("d7c1ee99-9478-44a6-b1f2-391e29c6b340");

    private static string Creq(string json, bool pad = false)
    {
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return pad ? text.PadRight((text.Length + 3) / 4 * 4, '=') : text;
    }

    private static string CreqJson(string type = "CReq", string version = "2.2.0", string acs = "d7c1ee99-9478-44a6-b1f2-391e29c6b340", string window = "01") =>
        $$"""{"threeDSServerTransID":"{{ServerTransId}}","acsTransID":"{{acs}}","messageType":"{{type}}","messageVersion":"{{version}}","challengeWindowSize":"{{window}}","sdkTransID":null}""";

    [Theory]
    [InlineData("2.2.0", "01", false, 250, 400)]
    [InlineData("2.3.1", "05", true, 0, 0)]
    [InlineData("2.2.0", "03", true, 500, 600)]
    public void A_well_formed_creq_decodes_padded_or_not(string version, string window, bool pad, int width, int height)
    {
        var creq = ChallengeRequest.TryDecode(Creq(CreqJson(version: version, window: window), pad))!;
        Assert.Equal((ServerTransId, AcsTransId, version, window, width, height),
            (creq.ThreeDSServerTransId, creq.AcsTransId, creq.MessageVersion, creq.Window.Code, creq.Window.Width, creq.Window.Height));
    }

    public static TheoryData<string?> Undecodable => new()
    {
        null, "", "not base64url!", Creq("[1]"), Creq("{"), Creq(CreqJson(type: "CRes")), Creq(CreqJson(version: "2.1.0")),
        Creq(CreqJson(acs: "not-a-uuid")), Creq(CreqJson(window: "06")), Creq(CreqJson().Replace("\"01\"", "1", StringComparison.Ordinal)),
        Creq(CreqJson().Replace("\"acsTransID\"", "\"acsTransId\"", StringComparison.Ordinal)), Creq(CreqJson() + new string(' ', 4096)),
    };

    [Theory, MemberData(nameof(Undecodable))]
    public void A_malformed_creq_is_refused(string? creq) => Assert.Null(ChallengeRequest.TryDecode(creq));

    [Fact]
    public async Task The_form_token_binds_the_transaction_and_the_step()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        var tokens = api.Services.GetRequiredService<ChallengeFormToken>();
        var token = await tokens.IssueAsync(AcsTransId, 2, default);
        Assert.True(await tokens.VerifyAsync(AcsTransId, 2, token, default));
        Assert.False(await tokens.VerifyAsync(AcsTransId, 3, token, default));
        Assert.False(await tokens.VerifyAsync(ServerTransId, 2, token, default));
        Assert.False(await tokens.VerifyAsync(AcsTransId, 2, (token[0] == 'A' ? "B" : "A") + token[1..], default));
        Assert.False(await tokens.VerifyAsync(AcsTransId, 2, token[..^1], default));
        Assert.False(await tokens.VerifyAsync(AcsTransId, 2, null, default));
    }

    [Theory]
    [InlineData(123456, "978", 2, "EUR 1,234.56")]
    [InlineData(5000, "392", 0, "JPY 5,000")]
    [InlineData(1005, "048", 3, "048 1.005")]
    public void Amounts_read_with_their_currency_and_exponent(long minor, string currency, int exponent, string expected) =>
        Assert.Equal(expected, PurchaseAmount.Format(minor, currency, exponent));

    [Fact]
    public void Every_shown_value_is_escaped()
    {
        var hostile = "<script>alert(1)</script>\"'&";
        var form = ChallengeHtml.Form(new ChallengeView(AcsTransId, hostile, hostile, hostile, hostile, 3, 2, hostile,
            ChallengeWindow.All[0], hostile, hostile), "n0nce");
        var final = ChallengeHtml.Final(new ChallengeFinal(hostile, hostile, new Uri("https://merchant.example/notify?a=\"<b>"), hostile, hostile,
            ChallengeWindow.All[0]), "n0nce");
        foreach (var page in new[] { form, final, ChallengeHtml.Error(hostile, "n0nce") })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("\"'&", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
        Assert.Single(final.Split("<script").Skip(1));
        Assert.Contains("<script nonce=\"n0nce\">", final, StringComparison.Ordinal);
    }
}
