namespace IssuerVerification.BrowserTests;

/// <summary>The challenge page in Chromium, inside a cross-site requestor's iframe, on both stores.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChallengePageTests(Browser browser)
{
    public static TheoryData<string> Stores => TestStores.All;

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
        Assert.Contains("malformed", await flow.Challenge.Locator("#error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await flow.Context.CookiesAsync());
    }
}
