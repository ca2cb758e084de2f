using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IssuerVerification.BrowserTests;

/// <summary>
/// The challenge page in Chromium, inside a requestor's iframe on another site (localhost against 127.0.0.1), on both stores:
/// the code from the outbox typed in, wrong codes, cancel, an escaped merchant name, every window size, refusals.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChallengePageTests(Browser browser)
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task The_code_from_the_outbox_authenticates_and_the_requestor_receives_Y(string store)
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, store);
        var challenge = await flow.ChallengeAsync("03");
        var response = await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-Y", 500, 600);
        Assert.Equal(200, response.Status);
        var csp = (await response.AllHeadersAsync())["content-security-policy"];
        Assert.Contains("script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("Example Shop", await flow.Frame.Locator("#merchant").TextContentAsync());
        Assert.Equal("EUR 1,234.56", await flow.Frame.Locator("#amount").TextContentAsync());
        Assert.Equal(flow.Pan[..6] + "******" + flow.Pan[^4..], await flow.Frame.Locator("#card").TextContentAsync());
        await flow.ScreenshotAsync("challenge-form");

        var code = await flow.Api.LastCodeAsync(challenge.AcsTransId);
        var (_, notification) = await flow.FinishAsync("final-Y", async () =>
        {
            await flow.Frame.Locator("#code").FillAsync(code);
            await flow.Frame.Locator("#submit").ClickAsync();
        });
        var cres = ChallengeFlow.Decode(notification);
        Assert.Equal(("CRes", "Y", "Y", challenge.AcsTransId, challenge.ServerTransId, "2.2.0"),
            (cres.S("messageType"), cres.S("transStatus"), cres.S("challengeCompletionInd"), cres.S("acsTransID"), cres.S("threeDSServerTransID"), cres.S("messageVersion")));
        Assert.Equal("session-Y", notification.SessionData);
        Assert.Equal("Y/", await flow.ResultAsync(challenge.AcsTransId));
        Assert.Empty(await flow.Context.CookiesAsync());

        // The finished challenge's CReq again: the error page, and the result stays as it was.
        Assert.Equal(400, (await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-Y", 500, 600)).Status);
        Assert.Contains("unknown or already finished", await flow.Frame.Locator("#error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Y/", await flow.ResultAsync(challenge.AcsTransId));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Three_wrong_codes_end_N_19(string store)
    {
        // Without script, so the final page stays for its screenshot (the script path: the Y test).
        await using var flow = await ChallengeFlow.StartAsync(browser, store, javaScript: false);
        var challenge = await flow.ChallengeAsync("02");
        await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-19", 390, 400);
        var wrong = TokenSetup.Wrong(await flow.Api.LastCodeAsync(challenge.AcsTransId));
        foreach (var left in new[] { "2 attempts left", "1 attempt left" })
        {
            await flow.Frame.Locator("#code").FillAsync(wrong);
            await flow.Frame.Locator("#submit").ClickAsync();
            // The click posts the form: wait for the answer's notice, not the previous page's.
            await Assertions.Expect(flow.Frame.Locator("#notice")).ToContainTextAsync(left);
        }
        var (outcome, notification) = await flow.FinishAsync("final-N-19", async () =>
        {
            await flow.Frame.Locator("#code").FillAsync(wrong);
            await flow.Frame.Locator("#submit").ClickAsync();
        });
        var cres = ChallengeFlow.Decode(notification);
        Assert.Equal(("Payment not confirmed", "N", "Y"), (outcome, cres.S("transStatus"), cres.S("challengeCompletionInd")));
        Assert.Equal("N/19", await flow.ResultAsync(challenge.AcsTransId));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cancel_ends_N_01(string store)
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, store, javaScript: false);
        var challenge = await flow.ChallengeAsync("04");
        await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-01", 600, 400);
        var (outcome, notification) = await flow.FinishAsync("final-N-01", () => flow.Frame.Locator("#cancel").ClickAsync());
        Assert.Equal(("Payment cancelled", "N"), (outcome, ChallengeFlow.Decode(notification).S("transStatus")));
        Assert.Equal("N/01", await flow.ResultAsync(challenge.AcsTransId));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Without_script_the_cardholder_clicks_through_to_the_requestor(string store)
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, store, javaScript: false);
        var challenge = await flow.ChallengeAsync("03");
        await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-noscript", 500, 600);
        await flow.Frame.Locator("#resend").ClickAsync();
        await Assertions.Expect(flow.Frame.Locator("#notice")).ToHaveTextAsync("A new code was sent.");
        var code = await flow.Api.LastCodeAsync(challenge.AcsTransId);
        var (outcome, notification) = await flow.FinishAsync("final-Y-without-script", async () =>
        {
            await flow.Frame.Locator("#code").FillAsync(code);
            await flow.Frame.Locator("#submit").ClickAsync();
        });
        Assert.Equal(("Payment confirmed", "Y", "session-noscript"), (outcome, ChallengeFlow.Decode(notification).S("transStatus"), notification.SessionData));
        Assert.Equal("Y/", await flow.ResultAsync(challenge.AcsTransId));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_script_merchant_name_shows_as_text_and_runs_nothing(string store)
    {
        const string Merchant = "<script>window.pwned=1</script>";
        await using var flow = await ChallengeFlow.StartAsync(browser, store);
        var dialogs = 0;
        flow.Page.Dialog += (_, _) => dialogs++;
        var challenge = await flow.ChallengeAsync("05", Merchant);
        await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-x", 0, 0);
        Assert.Equal(Merchant, await flow.Frame.Locator("#merchant").TextContentAsync());
        Assert.True(await flow.Frame.Locator("body").EvaluateAsync<bool>("b => window.pwned === undefined && document.scripts.length === 0"));
        Assert.Equal(0, dialogs);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Every_window_size_shows_the_code_field_and_submit_without_scrolling(string store)
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, store);
        foreach (var (window, width, height) in new[] { ("01", 250, 400), ("02", 390, 400), ("03", 500, 600), ("04", 600, 400), ("05", 0, 0) })
        {
            var challenge = await flow.ChallengeAsync(window);
            await flow.OpenAsync(challenge.AcsUrl, challenge.Creq, "session-" + window, width, height);
            var fits = await flow.Frame.Locator("body").EvaluateAsync<bool>("""
                b => {
                  const inView = e => { const r = document.querySelector(e).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; };
                  const root = document.documentElement;
                  return inView('#code') && inView('#submit') && root.scrollWidth <= innerWidth && scrollY === 0;
                }
                """);
            Assert.True(fits, $"window {window}: the code field or Submit is out of view");
            if (window == "01")
            {
                Assert.Equal(250, await flow.Frame.Locator("body").EvaluateAsync<int>("b => innerWidth"));
                await flow.ScreenshotAsync("window-01");
            }
        }
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task An_undecodable_creq_shows_an_error_page_with_400_and_no_cookie(string store)
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, store);
        var response = await flow.OpenAsync(new Uri(flow.AcsBase, "/3ds/challenge"), "bm90LWEtY3JlcQ", "session-1", 250, 400);
        Assert.Equal(400, response.Status);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("frame-ancestors *", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("set-cookie"));
        Assert.False(headers.ContainsKey("x-frame-options"));
        Assert.Contains("malformed", await flow.Frame.Locator("#error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await flow.Context.CookiesAsync());
    }
}
