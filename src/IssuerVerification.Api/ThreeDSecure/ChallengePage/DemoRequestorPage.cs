using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// A 3DS requestor's checkout to try the browser challenge by hand (configuration <c>Demo:RequestorPage</c>, on in
/// Development): it sends a browser AReq with the key typed in, opens the challenge in an iframe by posting <c>creq</c>,
/// and its notification URL shows the final CRes it receives. Not part of the API; README "A challenge in a browser".
/// </summary>
public static class DemoRequestorPage
{
    public const string Path = "/demo/3ds-requestor";

    public static void MapDemoRequestor(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, () => Results.Content(Checkout, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(Path + "/notify", Notify).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> Notify(HttpRequest request, CancellationToken ct)
    {
        var cres = request.HasFormContentType ? (await request.ReadFormAsync(ct))["cres"].ToString() : "";
        string shown;
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(cres.TrimEnd('=')));
            shown = JsonSerializer.Serialize(json.RootElement, Indented);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            shown = "(not a base64url JSON CRes)";
        }
        return Results.Content($"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Notification</title></head>
            <body style="font:14px system-ui,sans-serif"><p>The requestor's notification URL received this final CRes:</p>
            <pre id="cres">{HtmlEncoder.Default.Encode(shown)}</pre></body></html>
            """, "text/html; charset=utf-8");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string Checkout = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Demo 3DS requestor</title>
        <style>body{font:14px system-ui,sans-serif;margin:1rem}label{display:inline-block;margin:0 1rem .5rem 0}input{width:14rem}
        iframe{border:1px solid #8c959f;display:block;margin-top:.5rem}pre{background:#f6f8fa;padding:.5rem;max-width:60rem;overflow:auto}</style></head>
        <body>
        <h1>Demo shop checkout (a 3DS requestor)</h1>
        <p>Sends a browser AReq to this ACS, then opens its challenge in the frame below, as a merchant's page does.
        A Visa amount over the range's frictionless limit (5000) asks for a challenge.</p>
        <label>API key (scope 3ds:acs) <input id="key" value="demo-client-key"></label>
        <label>PAN <input id="pan" value="4444333322221111"></label>
        <label>Expiry (YYMM) <input id="expiry" value="9911" style="width:5rem"></label>
        <label>Amount (EUR cents) <input id="amount" value="12345" style="width:7rem"></label>
        <label>Window <select id="window"><option value="01">01 250×400</option><option value="02">02 390×400</option>
        <option value="03" selected>03 500×600</option><option value="04">04 600×400</option><option value="05">05 full width</option></select></label>
        <button id="pay">Pay</button>
        <p><label>Admin key <input id="adminKey" value="demo-admin-key"></label><button id="show-code">Show the code the outbox holds</button>
        <span id="outbox-code"></span></p>
        <pre id="ares">The ARes appears here.</pre>
        <form id="open" method="post" target="challenge"><input type="hidden" name="creq" id="creq">
        <input type="hidden" name="threeDSSessionData" value="demo-session"></form>
        <iframe name="challenge" id="challenge" width="500" height="600"></iframe>
        <script>
        const $ = id => document.getElementById(id);
        const sizes = { '01': [250, 400], '02': [390, 400], '03': [500, 600], '04': [600, 400], '05': ['100%', 600] };
        const base64url = text => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        let acsTransId = null;
        $('pay').onclick = async () => {
          const areq = {
            messageType: 'AReq', messageVersion: '2.2.0', threeDSServerTransID: crypto.randomUUID(), deviceChannel: '02',
            messageCategory: '01', acctNumber: $('pan').value, cardExpiryDate: $('expiry').value, purchaseAmount: $('amount').value,
            purchaseCurrency: '978', purchaseExponent: '2', merchantName: 'Demo Shop',
            notificationURL: location.origin + '/demo/3ds-requestor/notify'
          };
          const response = await fetch('/v1/3ds/authentications', {
            method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': $('key').value }, body: JSON.stringify(areq)
          });
          const ares = await response.json();
          $('ares').textContent = JSON.stringify(ares, null, 2);
          if (ares.transStatus !== 'C' || !ares.acsURL) return;
          acsTransId = ares.acsTransID;
          const size = $('window').value;
          [$('challenge').width, $('challenge').height] = sizes[size];
          $('creq').value = base64url(JSON.stringify({
            threeDSServerTransID: ares.threeDSServerTransID, acsTransID: ares.acsTransID, messageType: 'CReq',
            messageVersion: ares.messageVersion, challengeWindowSize: size
          }));
          $('open').action = ares.acsURL;
          $('open').submit();
        };
        $('show-code').onclick = async () => {
          if (!acsTransId) return;
          const response = await fetch('/v1/admin/outbox?reference=' + acsTransId, { headers: { 'X-Api-Key': $('adminKey').value } });
          const messages = await response.json();
          $('outbox-code').textContent = messages.length ? 'code ' + messages[messages.length - 1].code : 'no code (finished?)';
        };
        </script>
        </body>
        </html>
        """;
}
