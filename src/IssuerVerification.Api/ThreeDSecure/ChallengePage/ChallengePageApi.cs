using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Common;
using IssuerVerification.Domain.ThreeDSecure;

namespace IssuerVerification.Api.ThreeDSecure.ChallengePage;

/// <summary>
/// The cardholder's challenge page (the ARes <c>acsURL</c>): plain HTML for a browser in the requestor's iframe, so
/// anonymous (the browser has no API key), limited per remote address, and left out of the OpenAPI document (it is not
/// JSON; docs/3ds-challenge-page.md describes it). Every refusal is the error page with 400 and changes nothing.
/// </summary>
public static class ChallengePageApi
{
    private const int MaxSessionData = 1024;
    private const string Unknown = "This challenge is unknown or already finished.";

    public static IEndpointRouteBuilder MapChallengePage(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(ThreeDsPublicUrl.ChallengePath, [HttpMethods.Get, HttpMethods.Post], Open).AsPage();
        routes.MapPost(ThreeDsPublicUrl.ChallengePath + "/{acsTransId:guid}", Step).AsPage();
        if (routes.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Demo:RequestorPage", false))
        {
            routes.MapDemoRequestor();
        }
        return routes;
    }

    private static RouteHandlerBuilder AsPage(this RouteHandlerBuilder page) =>
        page.AllowAnonymous().ExcludeFromDescription().DisableAntiforgery().RequireRateLimiting(RateLimiting.PerAddress);

    /// <summary>The requestor's page posts <c>creq</c> and <c>threeDSSessionData</c>: the challenge opens (the first code is sent).</summary>
    private static async Task<IResult> Open(HttpContext http, ThreeDsChallenges challenges, ChallengeFormToken tokens, CancellationToken ct)
    {
        var fields = await FieldsAsync(http, ct);
        var creq = ChallengeRequest.TryDecode(fields("creq"));
        var session = fields("threeDSSessionData") ?? "";
        if (creq is null || session.Length > MaxSessionData)
        {
            return ChallengePageResponse.Error(http, "The challenge request is missing or malformed.");
        }
        var current = await FindAsync(challenges, creq.AcsTransId, ct);
        if (current is null || !Guid.TryParse(current.ThreeDsServerTransId, out var serverTransId) || serverTransId != creq.ThreeDSServerTransId
            || current.MessageVersion != creq.MessageVersion)
        {
            return ChallengePageResponse.Error(http, Unknown);
        }
        return await StepAsync(http, () => challenges.OpenAsync(creq.AcsTransId, ct), tokens, creq.Window, session, null, ct);
    }

    /// <summary>The form's own posts (<c>action</c> submit, resend or cancel), each with the token of the step it was shown for.</summary>
    private static async Task<IResult> Step(Guid acsTransId, HttpContext http, ThreeDsChallenges challenges, ChallengeFormToken tokens, CancellationToken ct)
    {
        var fields = await FieldsAsync(http, ct);
        var session = fields("threeDSSessionData") ?? "";
        if (!ChallengeWindow.TryParse(fields("window"), out var window) || session.Length > MaxSessionData)
        {
            return ChallengePageResponse.Error(http, "The form is incomplete.");
        }
        var current = await FindAsync(challenges, acsTransId, ct);
        if (current is null)
        {
            return ChallengePageResponse.Error(http, Unknown);
        }
        if (!await tokens.VerifyAsync(acsTransId, FormStep(current), fields("token"), ct))
        {
            return ChallengePageResponse.Error(http, "This form is out of date: use the latest page.");
        }
        var code = fields("code") ?? "";
        return fields("action") switch
        {
            "submit" when code.Length == 6 && code.All(char.IsAsciiDigit) =>
                await StepAsync(http, () => challenges.SubmitAsync(acsTransId, code, ct), tokens, window, session, null, ct),
            "submit" => await StepAsync(http, () => Task.FromResult(current), tokens, window, session, "Enter the 6 digits of the code.", ct),
            "resend" when current.SendsRemaining > 0 =>
                await StepAsync(http, () => challenges.ResendAsync(acsTransId, ct), tokens, window, session, null, ct),
            "resend" => await StepAsync(http, () => Task.FromResult(current), tokens, window, session, "No more codes can be sent.", ct),
            "cancel" => await StepAsync(http, () => challenges.CancelAsync(acsTransId, ThreeDsChallenges.CancelledByCardholder, ct), tokens, window, session, null, ct),
            _ => ChallengePageResponse.Error(http, "The form is incomplete."),
        };
    }

    /// <summary>Runs one step and shows its result: the form again, or the final page that posts the CRes to the requestor.</summary>
    private static async Task<IResult> StepAsync(HttpContext http, Func<Task<ChallengeState>> step, ChallengeFormToken tokens,
        ChallengeWindow window, string session, string? notice, CancellationToken ct)
    {
        ChallengeState state;
        try
        {
            state = await step();
        }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            return ChallengePageResponse.Error(http, Unknown); // finished meanwhile (another step won), or unknown
        }
        if (state.IsFinal)
        {
            var (heading, message) = FinalChallengeResponse.Text(state);
            var target = new Uri(state.NotificationUrl!, UriKind.Absolute);
            return ChallengePageResponse.Send(http, StatusCodes.Status200OK, nonce => ChallengeHtml.Final(
                new ChallengeFinal(heading, message, target, FinalChallengeResponse.Encode(state), session, window), nonce), target);
        }
        var view = new ChallengeView(state.AcsTransId, state.MerchantName ?? "", Amount(state), state.MaskedPan,
            state.MaskedRecipient ?? "your phone or email", state.AttemptsRemaining, state.SendsRemaining, notice ?? Notice(state),
            window, await tokens.IssueAsync(state.AcsTransId, FormStep(state), ct), session);
        return ChallengePageResponse.Send(http, StatusCodes.Status200OK, nonce => ChallengeHtml.Form(view, nonce));
    }

    /// <summary>A browser challenge still open, or null (unknown, app channel, or final): the page then changes nothing.</summary>
    private static async Task<ChallengeState?> FindAsync(ThreeDsChallenges challenges, Guid acsTransId, CancellationToken ct)
    {
        try
        {
            var state = await challenges.GetAsync(acsTransId, ct);
            return state.Channel == DeviceChannel.Browser && !state.IsFinal && state.NotificationUrl is not null ? state : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Changes with every send and every wrong code, so a form shown before either no longer verifies.</summary>
    private static int FormStep(ChallengeState state) => state.SendsRemaining * 1000 + state.AttemptsRemaining;

    private static string? Amount(ChallengeState state) =>
        state.Amount is { } amount ? PurchaseAmount.Format(amount, state.Currency ?? "", state.Exponent ?? 0) : null;

    private static string? Notice(ChallengeState state) => state.Step switch
    {
        ChallengeStep.WrongCode => $"The code is wrong: {state.AttemptsRemaining} attempt{(state.AttemptsRemaining == 1 ? "" : "s")} left.",
        ChallengeStep.Resent => "A new code was sent.",
        _ => null,
    };

    /// <summary>A form field, or (a GET) a query parameter.</summary>
    private static async Task<Func<string, string?>> FieldsAsync(HttpContext http, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        return name => form?[name] is { Count: > 0 } value ? value.ToString() : http.Request.Query[name] is { Count: > 0 } query ? query.ToString() : null;
    }
}
