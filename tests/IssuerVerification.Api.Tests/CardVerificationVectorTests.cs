using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The cvv, cvc3 and dcvv test vectors through the HTTP API: each vector's key imported as a component and a range
/// set up for its PAN; the expected value matches, a tampered one does not. Vectors whose PAN fails the Luhn check get 400
/// (their arithmetic is covered by the crypto tests), as do the few whose expiry is not a YYMM date, and the import of
/// the few whose key is single DES (halves equal).
/// </summary>
public sealed class CardVerificationVectorTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var store in TestStores.All)
            {
                foreach (var vector in VectorFile.Of("cvv", "cvc3", "dcvv"))
                {
                    data.Add(store, vector.GetProperty("id").GetString()!);
                }
            }
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Vector_verifies_through_the_api(string store, string id)
    {
        var vector = VectorFile.ById(id);
        var pan = vector.Input("pan");
        await using var api = await TestApi.StartAsync(store);
        var (path, request, tamper) = Request(vector);

        var invalidField = !Domain.Cards.Pan.TryParse(pan, out _) ? "pan"
            : vector.OptionalInput("expiry") is { } expiry && !Domain.Cards.Expiry.IsValid(expiry) ? "expiry"
            : null;
        if (invalidField is not null)
        {
            await (await api.Client().PostJsonAsync(path, request)).AssertInvalidFieldAsync(invalidField);
            return;
        }
        if (SingleDesKey(vector) is { } key)
        {
            // The API refuses a 2-key TDES key whose halves are equal; the crypto tests cover these vectors' arithmetic.
            var import = new { alias = "single-des", usage = vector.GetProperty("algorithm").GetString() == "cvv" ? "CVK" : "IMK_DCVV", components = new[] { key } };
            await (await api.Client().PostJsonAsync("/v1/admin/keys", import)).AssertInvalidFieldAsync("components");
            return;
        }
        await SetUpAsync(api, vector);
        Assert.Equal("no_match/value_mismatch", await api.Client().VerifyAsync(path, tamper));
        Assert.Equal(Setup.Match, await api.Client().VerifyAsync(path, request));
    }

    private static Task SetUpAsync(TestApi api, JsonElement vector)
    {
        var pan = vector.Input("pan");
        var prefix = pan[..Math.Min(11, pan.Length - 1)];
        return vector.GetProperty("algorithm").GetString() switch
        {
            "cvv" => api.RangeAsync(prefix, new Dictionary<string, string?>
            {
                [CvvKind(vector)] = vector.Input("cvk_a") + vector.Input("cvk_b"),
            }),
            "cvc3" => api.RangeAsync(prefix, new Dictionary<string, string?> { ["cvc3"] = vector.Input("imk") },
                new { iccDerivation = Derivation(vector), cvc3Digits = (vector.Expected("cvc3") ?? vector.Expected("cvc3_rightmost3")!).Length }, "mastercard"),
            _ => api.RangeAsync(prefix, new Dictionary<string, string?> { ["dcvv"] = vector.Input("imk") }, new { iccDerivation = Derivation(vector) }),
        };
    }

    private static string? SingleDesKey(JsonElement v)
    {
        var key = v.GetProperty("algorithm").GetString() == "cvv" ? v.Input("cvk_a") + v.Input("cvk_b") : v.Input("imk");
        return key[..16].Equals(key[16..], StringComparison.OrdinalIgnoreCase) ? key : null;
    }

    private static (string Path, object Request, object Tampered) Request(JsonElement v)
    {
        var pan = v.Input("pan");
        switch (v.GetProperty("algorithm").GetString())
        {
            case "cvv":
                var kind = CvvKind(v);
                var cvv = v.Expected("cvv")!;
                string? sc = kind == "cvv1" ? v.Input("service_code") : null;
                return ("/v1/cvv/verify",
                    new { pan, expiry = v.Input("expiry"), kind, serviceCode = sc, value = cvv },
                    new { pan, expiry = v.Input("expiry"), kind, serviceCode = sc, value = WrongDigit.Last(cvv) });
            case "cvc3":
                // Track 1 images are not part of the API contract: those vectors give their IVCVC3 instead.
                var track = v.OptionalInput("track_data_hex");
                var ivcvc3 = v.OptionalInput("ivcvc3") ?? (track is null ? v.Expected("ivcvc3") : null);
                var cvc3 = v.Expected("cvc3") ?? v.Expected("cvc3_rightmost3")!;
                object Cvc3(string value) => new
                {
                    pan,
                    psn = v.Input("psn"),
                    trackData = track,
                    ivcvc3,
                    unpredictableNumber = v.Input("un"),
                    atc = v.Input("atc"),
                    cvc3 = value,
                };
                return ("/v1/cvc3/verify", Cvc3(cvc3), Cvc3(WrongDigit.Last(cvc3)));
            default:
                var dcvv = v.Expected("dcvv")!;
                object Dcvv(string value) => new { pan, expiry = v.Input("expiry"), serviceCode = v.Input("service_code"), atc = v.Input("atc"), dcvv = value };
                return ("/v1/dcvv/verify", Dcvv(dcvv), Dcvv(WrongDigit.Last(dcvv)));
        }
    }

    private static string CvvKind(JsonElement v) => v.Input("service_code") switch
    {
        "000" => "cvv2",
        "999" => "icvv",
        _ => "cvv1",
    };

    private static string Derivation(JsonElement v) => (v.Input("option"), v.OptionalInput("hash_short_pans")) switch
    {
        ("A", _) => "option_a",
        (_, "True" or "true") => "option_b_all_pans",
        _ => "option_b",
    };
}
