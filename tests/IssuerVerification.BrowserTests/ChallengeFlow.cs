using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IssuerVerification.BrowserTests;

/// <summary>
/// One browser challenge: the API on Kestrel at 127.0.0.1 (its ThreeDs:PublicBaseUrl), the requestor's site on localhost,
/// and a fresh browser context whose page is the requestor's checkout with the challenge in its iframe.
/// </summary>
public sealed class ChallengeFlow : IAsyncDisposable
{
    private ChallengeFlow(TestApi api, RequestorSite requestor, IBrowserContext context, IPage page, Uri acsBase)
    {
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

    /// <summary>The challenge page inside the requestor's iframe.</summary>
    public IFrameLocator Challenge => Page.FrameLocator("iframe[name=challenge]");

    public static async Task<ChallengeFlow> StartAsync(Browser browser, string store)
    {
        var port = FreePort.Next();
        var acsBase = new Uri($"http://127.0.0.1:{port}");
        var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["ThreeDs:PublicBaseUrl"] = acsBase.AbsoluteUri }, kestrelPort: port);
        var requestor = await RequestorSite.StartAsync();
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 700 } });
        return new ChallengeFlow(api, requestor, context, await context.NewPageAsync(), acsBase);
    }

    /// <summary>Opens the checkout, which posts <paramref name="creq"/> into the iframe; returns the ACS page's response.</summary>
    public async Task<IResponse> OpenAsync(Uri acsUrl, string creq, string session, int width, int height)
    {
        var response = Page.WaitForResponseAsync(r => r.Url == acsUrl.AbsoluteUri && r.Request.Method == "POST");
        await Page.GotoAsync(Requestor.Checkout(acsUrl, creq, session, width, height).AbsoluteUri);
        return await response;
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
