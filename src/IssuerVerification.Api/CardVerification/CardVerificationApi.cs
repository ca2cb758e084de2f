using System.Globalization;
using System.Security.Claims;
using IssuerVerification.Api.Auth;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Limits;
using IssuerVerification.Domain.Cards;
using IssuerVerification.Domain.CardVerification;
using IssuerVerification.Domain.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IssuerVerification.Api.CardVerification;

public static class CardVerificationApi
{
    /// <summary>CVV1/CVV2/iCVV, Mastercard CVC3 and Visa dCVV: generate (scope card:generate) and verify (scope card:verify).</summary>
    public static RouteGroupBuilder MapCardVerification(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Card verification").RequireRateLimiting(RateLimiting.PerClient)
            .WithValidation().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/cvv/generate", GenerateCvv).RequireScope(Scopes.CardGenerate).WithSummary("Generate a CVV1, CVV2 or iCVV")
            .WithName("GenerateCvv").WithDescription("Computes the static card verification value of the given kind with the card range's CVK: cvv1 (magnetic stripe, needs serviceCode), cvv2 (printed) or icvv (chip).");
        group.MapPost("/cvv/verify", VerifyCvv).RequireScope(Scopes.CardVerify).WithSummary("Verify a CVV1, CVV2 or iCVV")
            .WithName("VerifyCvv").WithDescription("Answers 200 with result match (reason null) or no_match and a reason; a failed verification is not an error. Failures count towards the card's lockout.");
        group.MapPost("/cvc3/generate", GenerateCvc3).RequireScope(Scopes.CardGenerate).WithSummary("Generate a Mastercard CVC3 (contactless mag-stripe)")
            .WithName("GenerateCvc3").WithDescription("Computes the 5-digit CVC3 from the card key (derived from the range's IMK_CVC3 per PAN and PSN), the IVCVC3 (given, or computed from trackData), the unpredictable number and the ATC. Records nothing.");
        group.MapPost("/cvc3/verify", VerifyCvc3).RequireScope(Scopes.CardVerify).WithSummary("Verify a Mastercard CVC3 with ATC replay protection")
            .WithName("VerifyCvc3").WithDescription("Compares the digits sent with the rightmost digits of the CVC3, then applies the ATC rules: a right value with an ATC not above the last accepted one is no_match / atc_replay.");
        group.MapPost("/dcvv/generate", GenerateDcvv).RequireScope(Scopes.CardGenerate).WithSummary("Generate a Visa dCVV (contactless MSD)")
            .WithName("GenerateDcvv").WithDescription("Computes the dCVV from the card key (derived from the range's IMK_DCVV), expiry, service code and ATC. Records nothing.");
        group.MapPost("/dcvv/verify", VerifyDcvv).RequireScope(Scopes.CardVerify).WithSummary("Verify a Visa dCVV with ATC replay protection")
            .WithName("VerifyDcvv").WithDescription("Verifies the dCVV, then applies the ATC rules (a separate counter from CVC3's). Answers 200 match or no_match with a reason.");
        return group;
    }

    private static async Task<Ok<CvvGenerateResponse>> GenerateCvv(CvvGenerateRequest r, StaticCardVerification cvv, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new CvvGenerateResponse(await cvv.GenerateAsync(Pan.Parse(r.Pan), new Expiry(r.Expiry), r.Kind, r.ServiceCode, user.ClientName(), ct)));

    private static async Task<Ok<VerifyResponse>> VerifyCvv(CvvVerifyRequest r, StaticCardVerification cvv, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(VerifyResponse.From(await cvv.VerifyAsync(Pan.Parse(r.Pan), new Expiry(r.Expiry), r.Kind, r.ServiceCode, r.Value, user.ClientName(), ct)));

    private static async Task<Ok<Cvc3GenerateResponse>> GenerateCvc3(Cvc3GenerateRequest r, DynamicCardVerification cards, ClaimsPrincipal user, CancellationToken ct)
    {
        var (cvc3, ivcvc3) = await cards.GenerateCvc3Async(Pan.Parse(r.Pan), r.Psn, Source(r.TrackData, r.Ivcvc3), Hex32(r.UnpredictableNumber), Hex16(r.Atc), user.ClientName(), ct);
        return TypedResults.Ok(new Cvc3GenerateResponse(cvc3, ivcvc3.ToString("X4", CultureInfo.InvariantCulture)));
    }

    private static async Task<Ok<VerifyResponse>> VerifyCvc3(Cvc3VerifyRequest r, DynamicCardVerification cards, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(VerifyResponse.From(await cards.VerifyCvc3Async(
            Pan.Parse(r.Pan), r.Psn, Source(r.TrackData, r.Ivcvc3), Hex32(r.UnpredictableNumber), Hex16(r.Atc), r.Cvc3, user.ClientName(), ct)));

    private static async Task<Ok<DcvvGenerateResponse>> GenerateDcvv(DcvvGenerateRequest r, DynamicCardVerification cards, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new DcvvGenerateResponse(await cards.GenerateDcvvAsync(Pan.Parse(r.Pan), new Expiry(r.Expiry), r.ServiceCode, Hex16(r.Atc), user.ClientName(), ct)));

    private static async Task<Ok<VerifyResponse>> VerifyDcvv(DcvvVerifyRequest r, DynamicCardVerification cards, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(VerifyResponse.From(await cards.VerifyDcvvAsync(
            Pan.Parse(r.Pan), new Expiry(r.Expiry), r.ServiceCode, Hex16(r.Atc), r.Dcvv, user.ClientName(), ct)));

    /// <summary>The IVCVC3 given, or the static track image (hex nibbles, padded with F to whole bytes).</summary>
    private static Cvc3Source Source(string? trackData, string? ivcvc3) => ivcvc3 is not null
        ? Cvc3Source.FromIvcvc3(Hex16(ivcvc3))
        : Cvc3Source.FromTrack(Convert.FromHexString(trackData!.Length % 2 == 0 ? trackData : trackData + "F"));

    private static ushort Hex16(string hex) => ushort.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static uint Hex32(string hex) => uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
