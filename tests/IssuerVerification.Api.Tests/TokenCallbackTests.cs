using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IssuerVerification.Api.Tests;

/// <summary>Signed callbacks: received by a real listener, verified against the served JWKS, retried, delivered after a restart.</summary>
public sealed class TokenCallbackTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static readonly Dictionary<string, string?> FastDispatch = new() { ["TokenVerification:CallbackPollMilliseconds"] = "100" };

    private static JsonObject WithCallback(JsonObject body, string url)
    {
        body["callbackUrl"] = url;
        return body;
    }

    /// <summary>Verifies the JWS against the served JWKS and returns its payload.</summary>
    private static async Task<JsonElement> VerifiedPayloadAsync(TestApi api, string jws)
    {
        var jwks = await (await api.Client(null).GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        var keys = new JsonWebKeySet(jwks);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jws, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var kid = new JsonWebToken(jws).Kid;
        var key = Assert.Single(keys.Keys);
        Assert.Equal(kid, key.Kid);
        Assert.Equal(Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()), kid); // RFC 7638
        return JsonDocument.Parse(Base64UrlEncoder.Decode(jws.Split('.')[1])).RootElement;
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_verified_step_up_is_called_back_once_signed(string store)
    {
        await using var listener = CallbackListener.Start();
        await using var api = await TestApi.StartAsync(store, FastDispatch);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var id = (await api.Client().CreateAsync(WithCallback(TokenSetup.Binding(pan), listener.Url))).Id();
        await (await api.Client().SendOtpAsync(id, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        await (await api.Client().VerifyOtpAsync(id, await api.LastCodeAsync(id))).ReadJsonAsync();

        var received = Assert.Single(await listener.WaitForAsync(1));
        Assert.Equal("application/jose", received.ContentType);
        var jws = received.Body;
        var payload = await VerifiedPayloadAsync(api, jws);
        Assert.Equal(id, payload.GetProperty("verificationId").GetString());
        Assert.Equal("verified", payload.GetProperty("status").GetString());
        Assert.Equal("tok-1", payload.GetProperty("tokenReference").GetString());
        Assert.DoesNotContain(pan, jws, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Single(listener.Received);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_callback_answered_500_is_retried(string store)
    {
        await using var listener = CallbackListener.Start(null, 500, 500, 500);
        await using var api = await TestApi.StartAsync(store, FastDispatch);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var id = (await api.Client().CreateAsync(WithCallback(TokenSetup.Binding(pan).WithRisk(95), listener.Url))).Id();
        for (var i = 0; i < 100 && listener.Received.IsEmpty; i++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(10)); // past the backoff after the first attempt's retries all got 500
            await Task.Delay(100);
        }
        var payload = await VerifiedPayloadAsync(api, Assert.Single(await listener.WaitForAsync(1)).Body);
        Assert.Equal(id, payload.GetProperty("verificationId").GetString());
        Assert.Equal("declined", payload.GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task A_callback_not_delivered_before_a_restart_is_delivered_after_it(string store)
    {
        var (provider, connectionString, drop) = await TestStores.CreateAsync(store);
        try
        {
            var port = CallbackListener.FreePort();
            var settings = new Dictionary<string, string?>(FastDispatch)
            {
                ["Storage:Provider"] = provider,
                ["ConnectionStrings:IssuerVerification"] = connectionString,
            };
            string id;
            await using (var before = await TestApi.StartAsync(store, settings))
            {
                await before.RangesAsync();
                var pan = await before.CardholderAsync();
                id = (await before.Client().CreateAsync(WithCallback(TokenSetup.Binding(pan).WithRisk(1), $"http://127.0.0.1:{port}/callbacks/"))).Id();
                await Task.Delay(1500); // the dispatcher tries and finds nobody listening
            }
            await using var listener = CallbackListener.Start(port);
            await using var after = await TestApi.StartAsync(store, settings);
            after.Clock.Advance(TimeSpan.FromHours(1));
            var payload = await VerifiedPayloadAsync(after, Assert.Single(await listener.WaitForAsync(1)).Body);
            Assert.Equal(id, payload.GetProperty("verificationId").GetString());
            Assert.Equal("approved", payload.GetProperty("status").GetString());
        }
        finally
        {
            await drop();
        }
    }

    [Theory]
    [InlineData("https://merchant.example/callbacks", null, HttpStatusCode.Created)]
    [InlineData("http://merchant.example/callbacks", null, HttpStatusCode.BadRequest)]
    [InlineData("http://127.0.0.1:9/callbacks", null, HttpStatusCode.Created)]
    [InlineData("http://127.0.0.1:9/callbacks", "false", HttpStatusCode.BadRequest)]
    [InlineData("ftp://merchant.example/callbacks", null, HttpStatusCode.BadRequest)]
    [InlineData("https://user:pw@merchant.example/callbacks", null, HttpStatusCode.BadRequest)]
    [InlineData("/relative", null, HttpStatusCode.BadRequest)]
    public async Task Callback_urls_are_https_or_allowed_loopback_http(string url, string? allowLoopback, HttpStatusCode status)
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite, allowLoopback is null ? null
            : new Dictionary<string, string?> { ["TokenVerification:AllowHttpLoopbackCallbacks"] = allowLoopback });
        await api.RangesAsync();
        var response = await api.Client().PostJsonAsync("/v1/token-verifications", WithCallback(TokenSetup.Binding(await api.CardholderAsync()), url));
        Assert.Equal(status, response.StatusCode);
    }
}
