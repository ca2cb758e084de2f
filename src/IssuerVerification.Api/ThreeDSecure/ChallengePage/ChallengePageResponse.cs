using System.Security.Cryptography;
using System.Text;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// Sends a challenge page with its headers. The page is framed by any 3DS requestor (frame-ancestors *), runs only the
/// script and style that carry this response's nonce, submits forms only to itself and (the final page) to the
/// requestor's notification URL, and is never cached. No cookie is set: the form carries its own token.
/// </summary>
public static class ChallengePageResponse
{
    public static IResult Send(HttpContext http, int status, Func<string, string> render, Uri? notificationUrl = null)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var formTargets = notificationUrl is null ? "'self'" : $"'self' {notificationUrl.GetLeftPart(UriPartial.Authority)}";
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; form-action {formTargets}; frame-ancestors *; base-uri 'none'";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(render(nonce), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Error(HttpContext http, string message) =>
        Send(http, StatusCodes.Status400BadRequest, nonce => ChallengeHtml.Error(message, nonce));
}
