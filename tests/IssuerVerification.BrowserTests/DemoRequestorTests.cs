using System.Text.RegularExpressions;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IssuerVerification.BrowserTests;

/// <summary>The README's challenge by hand: the demo requestor page served by the API (Demo:RequestorPage), end to end.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoRequestorTests(Browser browser)
{
    [Fact]
    public async Task The_demo_requestor_opens_a_challenge_and_shows_the_final_CRes()
    {
        await using var flow = await ChallengeFlow.StartAsync(browser, TestStores.Sqlite);
        await flow.Page.GotoAsync(new Uri(flow.AcsBase, "/demo/3ds-requestor").AbsoluteUri);
        await flow.Page.Locator("#key").FillAsync(flow.Acs.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        await flow.Page.Locator("#adminKey").FillAsync(TestApi.AdminKey);
        await flow.Page.Locator("#pan").FillAsync(flow.Pan);
        await flow.Page.Locator("#expiry").FillAsync("3012");
        await flow.Page.Locator("#pay").ClickAsync();
        await flow.Frame.Locator("#code").WaitForAsync();
        await flow.Page.Locator("#show-code").ClickAsync();
        await Assertions.Expect(flow.Page.Locator("#outbox-code")).ToHaveTextAsync(new Regex("^code [0-9]{6}$"));
        var shown = await flow.ScreenshotAsync("demo-requestor");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOT") == "1")
        {
            File.Copy(shown, RepositoryRoot.Combine("docs", "images", "3ds-challenge.png"), overwrite: true);
        }

        await flow.Frame.Locator("#code").FillAsync((await flow.Page.Locator("#outbox-code").TextContentAsync())![5..]);
        await flow.Frame.Locator("#submit").ClickAsync();
        await Assertions.Expect(flow.Frame.Locator("#cres")).ToContainTextAsync("\"transStatus\": \"Y\"");
    }
}
