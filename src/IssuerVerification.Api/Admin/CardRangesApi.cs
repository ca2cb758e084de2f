using IssuerVerification.Api.Filters;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class CardRangesApi
{
    public static RouteGroupBuilder MapCardRanges(this RouteGroupBuilder admin)
    {
        var ranges = admin.MapGroup("/card-ranges").WithTags("Admin: card ranges");
        ranges.MapPost("/", Create).WithValidation().WithIdempotency().WithSummary("Configure a card range: keys per slot and settings");
        ranges.MapGet("/", List).WithSummary("List card ranges");
        return admin;
    }

    private static async Task<Created<CardRangeResponse>> Create(CreateCardRangeRequest request, CardRanges ranges, TimeProvider clock, CancellationToken ct)
    {
        var k = request.Keys;
        var range = await ranges.CreateAsync(new CardRange
        {
            Id = Guid.NewGuid(),
            PanPrefix = request.PanPrefix,
            Network = request.Network,
            Keys = new RangeKeys { Cvv1 = k.Cvv1, Cvv2 = k.Cvv2, Icvv = k.Icvv, Dcvv2 = k.Dcvv2, Cvc3 = k.Cvc3, Dcvv = k.Dcvv, Cavv = k.Cavv, Aav = k.Aav },
            Dcvv2 = Defaults(request.Dcvv2, new Dcvv2Settings()),
            Cvv2ExpiryFormat = request.Cvv2ExpiryFormat == ExpiryFormatName.Mmyy ? ExpiryFormat.Mmyy : ExpiryFormat.Yymm,
            Lockout = Defaults(request.Lockout, new LockoutSettings()),
            ThreeDs = Defaults(request.ThreeDs, new ThreeDsSettings()),
            IccDerivation = request.IccDerivation ?? IccDerivation.OptionB,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, ct);
        return TypedResults.Created($"/v1/admin/card-ranges/{range.Id}", ToResponse(range));
    }

    private static async Task<Ok<CardRangeResponse[]>> List(CardRanges ranges, CancellationToken ct) =>
        TypedResults.Ok((await ranges.ListAsync(ct)).Select(ToResponse).ToArray());

    private static Dcvv2Settings Defaults(Dcvv2SettingsDto? s, Dcvv2Settings d) => new()
    {
        WindowMinutes = s?.WindowMinutes ?? d.WindowMinutes,
        GraceSeconds = s?.GraceSeconds ?? d.GraceSeconds,
        SingleUse = s?.SingleUse ?? d.SingleUse,
    };

    private static LockoutSettings Defaults(LockoutSettingsDto? s, LockoutSettings d) =>
        new() { MaxFailures = s?.MaxFailures ?? d.MaxFailures, LockMinutes = s?.LockMinutes ?? d.LockMinutes };

    private static ThreeDsSettings Defaults(ThreeDsSettingsDto? s, ThreeDsSettings d) => new()
    {
        FrictionlessMaxAmount = s?.FrictionlessMaxAmount ?? d.FrictionlessMaxAmount,
        ChallengeMaxAttempts = s?.ChallengeMaxAttempts ?? d.ChallengeMaxAttempts,
    };

    private static CardRangeResponse ToResponse(CardRange r) => new(
        r.Id, r.PanPrefix, r.Network,
        new RangeKeysDto(r.Keys.Cvv1, r.Keys.Cvv2, r.Keys.Icvv, r.Keys.Dcvv2, r.Keys.Cvc3, r.Keys.Dcvv, r.Keys.Cavv, r.Keys.Aav),
        new Dcvv2SettingsDto(r.Dcvv2.WindowMinutes, r.Dcvv2.GraceSeconds, r.Dcvv2.SingleUse),
        r.Cvv2ExpiryFormat == ExpiryFormat.Mmyy ? ExpiryFormatName.Mmyy : ExpiryFormatName.Yymm,
        new LockoutSettingsDto(r.Lockout.MaxFailures, r.Lockout.LockMinutes),
        new ThreeDsSettingsDto(r.ThreeDs.FrictionlessMaxAmount, r.ThreeDs.ChallengeMaxAttempts),
        r.IccDerivation, r.CreatedAt);
}
