using System.Net;
using System.Text.Json;
using IssuerVerification.Api.Tests.Infrastructure;
using IssuerVerification.Domain.Crypto;
using IssuerVerification.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Two authentications may issue one value (an AAV carries a random 32-bit sequence number): with the number fixed, eight
    /// AReqs of one card at once all get their ARes and history record, and the value verifies once per authentication.
    /// </summary>
    [Theory, MemberData(nameof(Stores))]
    public async Task Authentications_issuing_the_same_value_are_all_answered_and_each_verifies_once(string store)
    {
        await using var api = await TestApi.StartAsync(store, services: services =>
        {
            var provider = services.Last(d => d.ServiceType == typeof(IThreeDSecureValues));
            services.Remove(provider);
            services.AddSingleton<IThreeDSecureValues>(s => new OneSequenceNumber((IThreeDSecureValues)provider.ImplementationFactory!(s)));
        });
        await api.ThreeDsRangesAsync();
        var pan = await api.CardholderAsync(ThreeDsSetup.Prefix("mastercard"));
        var acs = await api.ClientWithScopesAsync("3ds:acs");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => acs.AReqAsync(AReqs.Browser(pan))));
        Assert.All(answers, a => Assert.Equal("Y", a.S("transStatus")));
        var value = Assert.Single(answers.Select(a => a.S("authenticationValue")).Distinct());
        var merchant = await api.ClientWithScopesAsync("card:verify");
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => merchant.VerifyAsync("/v1/3ds/cavv/verify", new { pan, authenticationValue = value })));
        Assert.Equal(8, results.Count(r => r == Setup.Match));
        Assert.Equal(2, results.Count(r => r == "no_match/already_used"));
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<IssuerDbContext>>().CreateDbContextAsync();
        Assert.Equal(8, await db.ThreeDsHistory.CountAsync());
    }

    private sealed class OneSequenceNumber(IThreeDSecureValues inner) : IThreeDSecureValues
    {
        public byte[] VisaCavv(KeyHandle cavvKey, VisaCavvInput input) => inner.VisaCavv(cavvKey, input);

        public byte[] MastercardAav(KeyHandle aavKey, MastercardAavInput input) => inner.MastercardAav(aavKey, input with { TransactionSequenceNumber = 7 });
    }
}
