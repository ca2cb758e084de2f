using System.Net;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IssuerVerification.Api.Tests;

/// <summary>The signed result, verified against the served JWKS before and after a key rotation; the check of issued values.</summary>
public sealed class ThreeDsResultTests
{
    public static TheoryData<string> Stores => TestStores.All;

    /// <summary>Verifies the JWS against the JWKS served now; returns its payload and kid.</summary>
    private static async Task<(JsonElement Payload, string Kid, int Keys)> VerifyAsync(TestApi api, string jws)
    {
        var keys = new JsonWebKeySet(await (await api.Client(null).GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("ES256", new JsonWebToken(jws).Alg);
        return (JsonDocument.Parse(Base64UrlEncoder.Decode(jws.Split('.')[1])).RootElement, new JsonWebToken(jws).Kid, keys.Keys.Count);
    }

    private static async Task<bool> VerifiesAsync(TestApi api, string jws)
    {
        var keys = new JsonWebKeySet(await (await api.Client(null).GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());
        return (await new JsonWebTokenHandler().ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        })).IsValid;
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task The_signed_result_verifies_before_and_after_a_rotation(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var ares = await acs.AReqAsync(AReqs.Browser(await api.CardholderAsync()));
        var path = $"/v1/3ds/authentications/{ares.S("acsTransID")}";
        var before = await (await acs.GetAsync(path)).ReadJsonAsync();
        var (payload, oldKid, keys) = await VerifyAsync(api, before.S("signedResult"));
        Assert.Equal(1, keys);
        Assert.Equal((ares.S("acsTransID"), "Y", "05", ares.S("authenticationValue")),
            (payload.S("acsTransID"), payload.S("transStatus"), payload.S("eci"), payload.S("authenticationValue")));
        Assert.True(payload.GetProperty("authenticated").GetBoolean());

        var rotated = await (await api.Client().PostAsync("/v1/admin/signing-keys/rotate", null)).ReadJsonAsync();
        var newKid = rotated.S("kid");
        Assert.NotEqual(oldKid, newKid);
        var after = await (await acs.GetAsync(path)).ReadJsonAsync();
        var (_, kid, keysAfter) = await VerifyAsync(api, after.S("signedResult"));
        Assert.Equal((newKid, 2), (kid, keysAfter));
        Assert.True(await VerifiesAsync(api, before.S("signedResult"))); // the old key is still published

        api.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        Assert.False(await VerifiesAsync(api, before.S("signedResult"))); // its period is over
        Assert.Equal(1, (await VerifyAsync(api, after.S("signedResult"))).Keys);
        await (await acs.PostAsync("/v1/admin/signing-keys/rotate", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Cavv_verify_matches_an_issued_value_once(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        await api.ThreeDsRangesAsync();
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var merchant = await api.ClientWithScopesAsync("card:verify");
        foreach (var prefix in new[] { "444433", "539269" })
        {
            var pan = await api.CardholderAsync(prefix);
            var value = (await acs.AReqAsync(AReqs.App(pan))).S("authenticationValue");
            var tampered = Convert.FromBase64String(value);
            tampered[^1] ^= 1;
            Assert.Equal("no_match/value_mismatch", await merchant.VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = Convert.ToBase64String(tampered) }));
            Assert.Equal("no_match/value_mismatch", await merchant.VerifyAsync("/v1/3ds/cavv/verify", new { pan = await api.CardholderAsync(prefix), authenticationValue = value }));
            Assert.Equal(Setup.Match, await merchant.VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value }));
            Assert.Equal("no_match/already_used", await merchant.VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value }));
        }
        await (await merchant.PostJsonAsync("/v1/3ds/cavv/verify", new { pan = "4444330000000000", authenticationValue = "short" })).AssertInvalidFieldAsync("authenticationValue");
    }
}
