using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// The challenge pages as plain HTML. Every value is HTML-encoded; the one style block and the one script carry the
/// response's CSP nonce, so nothing else can run or style the page (ChallengePageHeaders).
/// </summary>
public static class ChallengeHtml
{
    public static string Form(ChallengeView view, string nonce)
    {
        var attempts = view.AttemptsLeft == 1 ? "1 attempt" : $"{view.AttemptsLeft} attempts";
        var resend = view.SendsLeft > 0 ? "" : " disabled";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <h1>Confirm your payment</h1>
            <dl>
            <dt>Merchant</dt><dd id="merchant">{E(view.MerchantName)}</dd>
            {(view.Amount is null ? "" : $"<dt>Amount</dt><dd id=\"amount\">{E(view.Amount)}</dd>")}
            <dt>Card</dt><dd id="card">{E(view.MaskedPan)}</dd>
            </dl>
            <p>Enter the 6-digit code sent to {E(view.SentTo)}.</p>
            """);
        if (view.Notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<p id="notice" role="alert">{E(view.Notice)}</p>""");
        }
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/3ds/challenge/{view.AcsTransId:D}">
            <input type="hidden" name="token" value="{E(view.Token)}">
            <input type="hidden" name="window" value="{view.Window.Code}">
            <input type="hidden" name="threeDSSessionData" value="{E(view.SessionData)}">
            <label for="code">Code ({attempts} left)</label>
            <input id="code" name="code" required pattern="{SixDigits}" maxlength="6" inputmode="numeric" autocomplete="one-time-code" autofocus>
            <button id="submit" name="action" value="submit">Submit</button>
            <div class="row">
            <button id="resend" name="action" value="resend" formnovalidate class="link"{resend}>Send a new code</button>
            <button id="cancel" name="action" value="cancel" formnovalidate class="link">Cancel</button>
            </div>
            </form>
            """);
        return Page("Confirm your payment", body.ToString(), view.Window, nonce, script: null);
    }

    public static string Final(ChallengeFinal final, string nonce) => Page(final.Heading, $"""
        <h1 id="outcome">{E(final.Heading)}</h1>
        <p>{E(final.Message)}</p>
        <form id="result" method="post" action="{E(final.NotificationUrl.AbsoluteUri)}">
        <input type="hidden" name="cres" value="{E(final.Cres)}">
        <input type="hidden" name="threeDSSessionData" value="{E(final.SessionData)}">
        <button id="continue">Return to the merchant</button>
        </form>
        """, final.Window, nonce, script: "document.getElementById('result').submit();");

    public static string Error(string message, string nonce) => Page("Cannot show this page", $"""
        <h1>Cannot show this page</h1>
        <p id="error">{E(message)}</p>
        <p>Return to the merchant and try the payment again.</p>
        """, ChallengeWindow.All[^1], nonce, script: null);

    private static string Page(string title, string body, ChallengeWindow window, string nonce, string? script) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style nonce="{nonce}">{Style}</style>
        </head>
        <body class="{(window.IsCompact ? "compact" : "roomy")}">
        <main>
        {body}
        </main>
        {(script is null ? "" : $"<script nonce=\"{nonce}\">{script}</script>")}
        </body>
        </html>
        """;

    // One column that fills the window; the compact variant (windows 400 px high) keeps the code field and Submit in view at 250×400.
    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.35 system-ui,sans-serif;color:#1b1f24;background:#fff}
        main{max-width:34rem;margin:0 auto;padding:1rem}
        h1{font-size:1.25rem;margin:0 0 .75rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:0 0 .75rem}
        dt{color:#57606a}dd{margin:0;overflow-wrap:anywhere}
        p{margin:0 0 .6rem}
        #notice{color:#a40e26;font-weight:600}
        label{display:block;margin-bottom:.25rem}
        input[name=code]{display:block;width:100%;font-size:1.25rem;letter-spacing:.2em;padding:.35rem .5rem;margin-bottom:.5rem}
        button{font:inherit;cursor:pointer}
        #submit,#continue{display:block;width:100%;padding:.5rem;border:0;border-radius:.3rem;background:#0b5cad;color:#fff}
        .row{display:flex;justify-content:space-between;margin-top:.4rem}
        .link{border:0;background:none;color:#0b5cad;padding:.25rem 0;text-decoration:underline}
        .link:disabled{color:#8c959f;text-decoration:none;cursor:default}
        .compact{font-size:13px}
        .compact main{padding:.5rem}
        .compact h1{font-size:1rem;margin-bottom:.4rem}
        .compact dl,.compact p{margin-bottom:.35rem}
        .compact input[name=code]{font-size:1.1rem;padding:.2rem .4rem;margin-bottom:.35rem}
        .compact #submit{padding:.35rem}
        """;

    private const string SixDigits = "[0-9]{6}";

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
