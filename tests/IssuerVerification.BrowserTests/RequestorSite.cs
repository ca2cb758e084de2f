using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using HtmlEncoder = System.Text.Encodings.Web.HtmlEncoder;

namespace IssuerVerification.BrowserTests;

/// <summary>
/// A 3DS requestor's site on <c>localhost</c> (another site than the ACS on 127.0.0.1, so its iframe is cross-site):
/// <c>/checkout</c> opens the challenge in an iframe by posting <c>creq</c>, <c>/notify</c> receives the final <c>cres</c>.
/// </summary>
public sealed class RequestorSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Notification> _notifications = Channel.CreateUnbounded<Notification>();

    private RequestorSite(WebApplication app, int port)
    {
        _app = app;
        Address = new Uri($"http://localhost:{port}");
    }

    public Uri Address { get; }

    public Uri NotificationUrl => new(Address, "/notify");

    /// <param name="SessionData">The threeDSSessionData echoed back.</param>
    public sealed record Notification(string Cres, string SessionData);

    public static async Task<RequestorSite> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new RequestorSite(app, port);
        app.MapGet("/checkout", (string acsUrl, string creq, string session, int width, int height) => Html(Checkout(acsUrl, creq, session, width, height)));
        app.MapPost("/notify", site.NotifyAsync);
        await app.StartAsync();
        return site;
    }

    /// <summary>The page a test opens: the challenge in a <paramref name="width"/>×<paramref name="height"/> iframe (0: full page).</summary>
    public Uri Checkout(Uri acsUrl, string creq, string session, int width, int height) =>
        new(Address, $"/checkout?acsUrl={Uri.EscapeDataString(acsUrl.AbsoluteUri)}&creq={creq}&session={Uri.EscapeDataString(session)}&width={width}&height={height}");

    public async Task<Notification> NextNotificationAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _notifications.Reader.ReadAsync(timeout.Token);
    }

    private async Task<IResult> NotifyAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        await _notifications.Writer.WriteAsync(new Notification(form["cres"].ToString(), form["threeDSSessionData"].ToString()));
        return Html($"<p id=\"notified\">Notification received</p>");
    }

    private static string Checkout(string acsUrl, string creq, string session, int width, int height)
    {
        var size = width == 0 ? "style=\"border:0;width:100vw;height:100vh\"" : $"width=\"{width}\" height=\"{height}\" style=\"border:1px solid #8c959f\"";
        return $"""
            <h1>Requestor checkout</h1>
            <iframe name="challenge" {size}></iframe>
            <form id="open" method="post" target="challenge" action="{E(acsUrl)}">
            <input type="hidden" name="creq" value="{E(creq)}">
            <input type="hidden" name="threeDSSessionData" value="{E(session)}">
            <noscript><button id="open-challenge">Open the challenge</button></noscript>
            </form>
            <script>document.getElementById('open').submit();</script>
            """;
    }

    private static IResult Html(string body) =>
        Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Requestor</title></head><body style=\"margin:0\">{body}</body></html>", "text/html");

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
