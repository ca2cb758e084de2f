using Microsoft.Playwright;

namespace IssuerVerification.BrowserTests;

/// <summary>
/// Debian's Chromium (the chromium package; Playwright cannot download browsers here), headless, one per test run. Each
/// test opens its own context: no cookie, cache or storage is shared between tests.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install -y chromium (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
