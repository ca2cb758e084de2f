using System.Buffers.Text;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IssuerVerification.BrowserTests;

/// <summary>
/// One browser challenge: the API on Kestrel at 127.0.0.1 (its ThreeDs:PublicBaseUrl), the requestor's site on localhost,
/// and a fresh browser context whose page is the requestor's checkout with the challenge in its iframe.
/// </summary>
public sealed class ChallengeFlow : IAsyncDisposable
{
    private readonly bool _javaScript;

    private ChallengeFlow(TestApi api, RequestorSite requestor, IBrowserContext context, IPage page, Uri acsBase, HttpClient acs, string pan, bool javaScript)
    {
        _javaScript = javaScript;
        Acs = acs;
        Pan = pan;
        Api = api;
        Requestor = requestor;
        Context = context;
        Page = page;
        AcsBase = acsBase;
    }

    public TestApi Api { get; }
    public RequestorSite Requestor { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Uri AcsBase { get; }
    /// <summary>A 3DS server's client of the ACS (scope 3ds:acs).</summary>
    public HttpClient Acs { get; }
    /// <summary>A Visa card whose cardholder has a phone: a challenge sends its code there.</summary>
    public string Pan { get; }

    /// <summary>The challenge page inside the requestor's iframe.</summary>
    public IFrameLocator Frame => Page.FrameLocator("iframe[name=challenge]");

    /// <param name="javaScript">False: the browser runs no script, so the cardholder clicks the pages' buttons.</param>
    public static async Task<ChallengeFlow> StartAsync(Browser browser, string store, bool javaScript = true)
    {
        var port = FreePort.Next();
        var acsBase = new Uri($"http://127.0.0.1:{port}");
        var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["ThreeDs:PublicBaseUrl"] = acsBase.AbsoluteUri, ["Demo:RequestorPage"] = "true" }, kestrelPort: port);
        await api.ThreeDsRangesAsync();
        var pan = await api.CardholderAsync(ThreeDsSetup.Prefix("visa"));
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var requestor = await RequestorSite.StartAsync();
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 700 }, JavaScriptEnabled = javaScript });
        return new ChallengeFlow(api, requestor, context, await context.NewPageAsync(), acsBase, acs, pan, javaScript);
    }

    /// <summary>A browser AReq over the frictionless limit (so a challenge), notified to the requestor site; its ids, acsURL and CReq.</summary>
    public async Task<Challenge> ChallengeAsync(string window, string merchantName = "Example Shop")
    {
        var areq = AReqs.Browser(Pan, amount: 123456);
        areq["notificationURL"] = Requestor.NotificationUrl.AbsoluteUri;
        areq["merchantName"] = merchantName;
        var ares = await Acs.AReqAsync(areq);
        Assert.Equal("C", ares.S("transStatus"));
        var creq = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["threeDSServerTransID"] = ares.S("threeDSServerTransID"),
            ["acsTransID"] = ares.S("acsTransID"),
            ["messageType"] = "CReq",
            ["messageVersion"] = ares.S("messageVersion"),
            ["challengeWindowSize"] = window,
        }));
        return new Challenge(ares.S("acsTransID"), ares.S("threeDSServerTransID"), new Uri(ares.S("acsURL")), creq);
    }

    public sealed record Challenge(string AcsTransId, string ServerTransId, Uri AcsUrl, string Creq);

    /// <summary>The final CRes the requestor's notification URL received, decoded.</summary>
    public static JsonElement Decode(RequestorSite.Notification notification) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(notification.Cres)).RootElement;

    /// <summary>The authentication's result as the 3DS server reads it.</summary>
    public async Task<string> ResultAsync(string acsTransId)
    {
        var result = await (await Acs.GetAsync($"/v1/3ds/authentications/{acsTransId}")).ReadJsonAsync();
        return result.S("transStatus") + "/" + result.Optional("transStatusReason");
    }

    /// <summary>Opens the checkout, which posts <paramref name="creq"/> into the iframe; returns the ACS page's response.</summary>
    public async Task<IResponse> OpenAsync(Uri acsUrl, string creq, string session, int width, int height)
    {
        var response = Page.WaitForResponseAsync(r => r.Url == acsUrl.AbsoluteUri && r.Request.Method == "POST");
        await Page.GotoAsync(Requestor.Checkout(acsUrl, creq, session, width, height).AbsoluteUri);
        if (!_javaScript)
        {
            await Page.Locator("#open-challenge").ClickAsync();
        }
        return await response;
    }

    /// <summary>
    /// Does what ends the challenge, saves a screenshot, and returns the outcome the final page showed and what the requestor's
    /// notification URL received. Without script the final page stays until its button is clicked: the screenshot shows it
    /// (and its outcome is read). With script it posts at once: the screenshot shows what the requestor shows then.
    /// </summary>
    public async Task<(string? Outcome, RequestorSite.Notification Notification)> FinishAsync(string screenshot, Func<Task> action)
    {
        await action();
        string? outcome = null;
        if (!_javaScript)
        {
            outcome = await Frame.Locator("#outcome").TextContentAsync();
            await ScreenshotAsync(screenshot);
            await Frame.Locator("#continue").ClickAsync();
        }
        var notification = await Requestor.NextNotificationAsync();
        await Frame.Locator("#notified").WaitForAsync();
        if (_javaScript)
        {
            await ScreenshotAsync(screenshot);
        }
        return (outcome, notification);
    }

    /// <summary>A screenshot of the whole requestor page, kept as a test artifact under TestResults/screenshots.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"{name}-{Api.Store}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Requestor.DisposeAsync();
        await Api.DisposeAsync();
    }
}
