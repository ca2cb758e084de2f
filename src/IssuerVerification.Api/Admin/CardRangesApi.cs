using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Domain.Keys;
using IssuerVerification.Domain.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.Admin;

public static class CardRangesApi
{
    public static RouteGroupBuilder MapCardRanges(this RouteGroupBuilder admin)
    {
        var ranges = admin.MapGroup("/card-ranges").WithTags("Admin: card ranges");
        ranges.MapPost("/", Create).WithValidation().WithIdempotency().WithSummary("Configure a card range: keys per slot and settings")
            .WithName("CreateCardRange").WithDescription("A PAN prefix (6–11 digits), its network, the key alias for each slot it uses and its settings (defaults filled in). An unknown alias or one whose usage does not fit its slot answers 400; a prefix that exists 409.");
        ranges.MapGet("/", List).WithSummary("List card ranges")
            .WithName("ListCardRanges").WithDescription("Every card range with its keys and settings.");
        ranges.MapPatch("/{id:guid}", Update).WithValidation().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a card range's key slots and settings (its prefix and network stay)")
            .WithName("UpdateCardRange").WithDescription("Changes the given settings and key slots of a range, validated as on create: an alias sets a slot, null empties it, absent fields stay. Takes effect at once on this replica, within 30 s on others. Audited. An unknown id answers 404.");
        return admin;
    }

    private static async Task<Created<CardRangeResponse>> Create(CreateCardRangeRequest request, CardRanges ranges, TimeProvider clock, CancellationToken ct)
    {
        var range = await ranges.CreateAsync(new CardRange
        {
            Id = Guid.NewGuid(),
            PanPrefix = request.PanPrefix,
            Network = request.Network,
            Keys = new RangeKeys(request.Keys.Where(k => k.Value is not null).ToDictionary(k => KeySlot.Find(k.Key)!, k => k.Value!)),
            Dcvv2 = Defaults(request.Dcvv2, new Dcvv2Settings()),
            Cvv2ExpiryFormat = ToDomain(request.Cvv2ExpiryFormat),
            Lockout = Defaults(request.Lockout, new LockoutSettings()),
            ThreeDs = Defaults(request.ThreeDs, new ThreeDsSettings()),
            TokenVerification = Defaults(request.TokenVerification, new TokenVerificationSettings()),
            IccDerivation = request.IccDerivation ?? IccDerivation.OptionB,
            Cvc3Digits = request.Cvc3Digits ?? CardRange.DefaultCvc3Digits,
            GenerateForUnregisteredCards = request.GenerateForUnregisteredCards ?? false,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, ct);
        return TypedResults.Created($"/v1/admin/card-ranges/{range.Id}", ToResponse(range));
    }

    private static async Task<Ok<CardRangeResponse>> Update(
        Guid id, UpdateCardRangeRequest request, CardRanges ranges, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await ranges.UpdateAsync(id, current => new CardRange
        {
            Id = current.Id,
            PanPrefix = current.PanPrefix,
            Network = current.Network,
            Keys = Merge(current.Keys, request.Keys),
            Dcvv2 = Defaults(request.Dcvv2, current.Dcvv2),
            Cvv2ExpiryFormat = request.Cvv2ExpiryFormat is { } format ? ToDomain(format) : current.Cvv2ExpiryFormat,
            Lockout = Defaults(request.Lockout, current.Lockout),
            ThreeDs = Defaults(request.ThreeDs, current.ThreeDs),
            TokenVerification = Defaults(request.TokenVerification, current.TokenVerification),
            IccDerivation = request.IccDerivation ?? current.IccDerivation,
            Cvc3Digits = request.Cvc3Digits ?? current.Cvc3Digits,
            GenerateForUnregisteredCards = request.GenerateForUnregisteredCards ?? current.GenerateForUnregisteredCards,
            CreatedAt = current.CreatedAt,
        }, user.ClientName(), ct)));

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

    private static TokenVerificationSettings Defaults(TokenVerificationSettingsDto? s, TokenVerificationSettings d) => new()
    {
        RedFromScore = s?.RedFromScore ?? d.RedFromScore,
        YellowFromScore = s?.YellowFromScore ?? d.YellowFromScore,
        OtpMaxAttempts = s?.OtpMaxAttempts ?? d.OtpMaxAttempts,
        OtpMaxSends = s?.OtpMaxSends ?? d.OtpMaxSends,
        StepUpMinutes = s?.StepUpMinutes ?? d.StepUpMinutes,
    };

    private static ExpiryFormat ToDomain(ExpiryFormatName? name) => name == ExpiryFormatName.Mmyy ? ExpiryFormat.Mmyy : ExpiryFormat.Yymm;

    /// <summary>The slots of <paramref name="keys"/> with <paramref name="patch"/> applied: an alias fills a slot, null empties it.</summary>
    private static RangeKeys Merge(RangeKeys keys, RangeKeysDto? patch)
    {
        var aliases = keys.Filled.ToDictionary(k => k.Slot, k => k.Alias);
        foreach (var (name, alias) in patch ?? [])
        {
            var slot = KeySlot.Find(name)!;
            if (alias is null)
            {
                aliases.Remove(slot);
            }
            else
            {
                aliases[slot] = alias;
            }
        }
        return new RangeKeys(aliases);
    }

    private static RangeKeysDto ToDto(RangeKeys keys)
    {
        var dto = new RangeKeysDto();
        foreach (var (slot, alias) in keys.Filled)
        {
            dto[slot.Name] = alias;
        }
        return dto;
    }

    private static CardRangeResponse ToResponse(CardRange r) => new(
        r.Id, r.PanPrefix, r.Network,
        ToDto(r.Keys),
        new Dcvv2SettingsDto(r.Dcvv2.WindowMinutes, r.Dcvv2.GraceSeconds, r.Dcvv2.SingleUse),
        r.Cvv2ExpiryFormat == ExpiryFormat.Mmyy ? ExpiryFormatName.Mmyy : ExpiryFormatName.Yymm,
        new LockoutSettingsDto(r.Lockout.MaxFailures, r.Lockout.LockMinutes),
        new ThreeDsSettingsDto(r.ThreeDs.FrictionlessMaxAmount, r.ThreeDs.ChallengeMaxAttempts),
        r.IccDerivation, r.Cvc3Digits, r.GenerateForUnregisteredCards, r.CreatedAt,
        new TokenVerificationSettingsDto(r.TokenVerification.RedFromScore, r.TokenVerification.YellowFromScore,
            r.TokenVerification.OtpMaxAttempts, r.TokenVerification.OtpMaxSends, r.TokenVerification.StepUpMinutes));
}
