using System.Diagnostics.Metrics;
using System.Net;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>The service's meter after real flows (counted as answered, by operation, result and reason), and the /metrics endpoint.</summary>
public sealed class MetricsTests
{
    public static TheoryData<string> Stores => TestStores.All;

    private static MetricRecorder Record(TestApi api) => MetricRecorder.Of(api.Services.GetRequiredService<IMeterFactory>());

    [Theory, MemberData(nameof(Stores))]
    public async Task Verifications_are_counted_by_operation_result_and_reason(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        using var metrics = Record(api);
        using var groupCommit = new MetricRecorder(meter => meter.Name == "IssuerVerification" && meter.Scope is null);
        var client = api.Client();
        await api.RangeAsync("539269", new Dictionary<string, string?> { ["cvv2"] = null, ["cvc3"] = null },
            new { lockout = new { maxFailures = 3 } }, network: "mastercard");
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["dcvv2"] = null });
        var pan = await api.CardAsync("539269");
        var value = (await (await client.PostJsonAsync("/v1/cvv/generate", new { pan, expiry = "3012", kind = "cvv2" })).ReadJsonAsync()).GetProperty("value").GetString()!;
        var generate = new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0007" };
        var cvc3 = (await (await client.PostJsonAsync("/v1/cvc3/generate", generate)).ReadJsonAsync()).GetProperty("cvc3").GetString()![2..];
        var cvc3Body = new { pan, ivcvc3 = "8342", unpredictableNumber = "00000899", atc = "0007", cvc3 };
        var dcvv2Pan = await api.CardAsync("444433");
        await (await client.PostJsonAsync("/v1/dcvv2/generate", new { pan = dcvv2Pan, count = 3 })).ReadJsonAsync();

        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvc3/verify", cvc3Body));
        Assert.Equal("no_match/atc_replay", await client.VerifyAsync("/v1/cvc3/verify", cvc3Body));
        Assert.Equal(Setup.Match, await client.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value }));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("no_match/value_mismatch", await client.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = WrongDigit.Last(value) }));
        }
        Assert.Equal("no_match/card_locked", await client.VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value }));

        var cvv2 = ("issuer.operation", "cvv2.verify");
        Assert.Equal(1, metrics.Sum("issuer.verifications", cvv2, ("issuer.result", "match"), ("issuer.reason", null)));
        Assert.Equal(3, metrics.Sum("issuer.verifications", cvv2, ("issuer.result", "no_match"), ("issuer.reason", "value_mismatch")));
        Assert.Equal(1, metrics.Sum("issuer.verifications", cvv2, ("issuer.result", "no_match"), ("issuer.reason", "card_locked")));
        Assert.Equal(1, metrics.Sum("issuer.lockouts", cvv2));
        var cvc3Op = ("issuer.operation", "cvc3.verify");
        Assert.Equal(1, metrics.Sum("issuer.verifications", cvc3Op, ("issuer.result", "match")));
        Assert.Equal(1, metrics.Sum("issuer.verifications", cvc3Op, ("issuer.result", "no_match"), ("issuer.reason", "atc_replay")));
        Assert.Equal(1, metrics.Sum("issuer.atc.rejections", cvc3Op, ("issuer.reason", "atc_replay")));
        Assert.Equal(7, metrics.Sum("issuer.verifications"));
        Assert.Equal(3, metrics.Sum("issuer.dcvv2.values_issued"));
        // The writers are shared by the process's hosts (other tests run alongside): at least this test's decisions went through.
        Assert.True(groupCommit.Sum("issuer.group_commit.batch.size", ("issuer.group_commit.writer", "decisions")) >= 7);
        Assert.True(groupCommit.Of("issuer.group_commit.wait.duration", ("issuer.group_commit.writer", "atc_claims")).Count >= 1);
        Assert.All(metrics.Of("issuer.verifications").SelectMany(m => m.Tags.Values), v => Assert.DoesNotContain(pan, v?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Token_decisions_step_ups_deliveries_and_callbacks_are_counted(string store)
    {
        await using var refusing = CallbackListener.Start(null, 500, 500, 500);
        await using var listener = CallbackListener.Start();
        await using var api = await TestApi.StartAsync(store, new Dictionary<string, string?> { ["TokenVerification:CallbackPollMilliseconds"] = "100" });
        using var metrics = Record(api);
        await api.RangesAsync();
        var pan = await api.CardholderAsync();
        var client = api.Client();
        var red = TokenSetup.Binding(pan).WithRisk(95);
        red["callbackUrl"] = refusing.Url;
        Assert.Equal("declined", (await client.CreateAsync(red)).Status());

        var withCallback = TokenSetup.Binding(pan);
        withCallback["callbackUrl"] = listener.Url;
        var verified = (await client.CreateAsync(withCallback)).Id();
        await (await client.SendOtpAsync(verified, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("verified", (await (await client.VerifyOtpAsync(verified, await api.LastCodeAsync(verified))).ReadJsonAsync()).Status());

        var failed = (await client.CreateAsync(TokenSetup.Binding(pan, device: "device-2"))).Id();
        await (await client.SendOtpAsync(failed, "m1")).ReadJsonAsync(HttpStatusCode.Accepted);
        var wrong = TokenSetup.Wrong(await api.LastCodeAsync(failed));
        for (var i = 0; i < 3; i++)
        {
            await (await client.VerifyOtpAsync(failed, wrong)).ReadJsonAsync();
        }

        Assert.Equal(1, metrics.Sum("issuer.token.decisions", ("issuer.token.decision", "red")));
        Assert.Equal(2, metrics.Sum("issuer.token.decisions", ("issuer.token.decision", "yellow")));
        Assert.Equal(1, metrics.Sum("issuer.token.step_ups", ("issuer.token.status", "verified")));
        Assert.Equal(1, metrics.Sum("issuer.token.step_ups", ("issuer.token.status", "failed")));
        Assert.Equal(2, metrics.Sum("issuer.delivery.attempts", ("issuer.delivery.channel", "cell_phone"), ("error.type", null)));
        await listener.WaitForAsync(1);
        // The refused callback's first attempt (three 500s: the HTTP client's own two quick retries) fails; the next one,
        // after its backoff, is delivered.
        for (var i = 0; i < 100 && refusing.Received.IsEmpty; i++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(100);
        }
        await refusing.WaitForAsync(1);
        // An attempt is counted once its answer is read, just after the listener saw it.
        for (var i = 0; i < 50 && metrics.Sum("issuer.callback.attempts", ("error.type", null)) < 2; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(1, metrics.Sum("issuer.callback.attempts", ("error.type", "500")));
        Assert.Equal(2, metrics.Sum("issuer.callback.attempts", ("error.type", null)));
    }

    [Fact]
    public async Task The_prometheus_endpoint_is_off_by_default()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite);
        await (await api.Client().GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_the_setting_metrics_is_served_without_a_key_and_without_a_rate_limit()
    {
        await using var api = await TestApi.StartAsync(TestStores.Sqlite, new Dictionary<string, string?>
        {
            ["Metrics:PrometheusEndpoint"] = "true",
            ["RateLimiting:PermitsPerSecond"] = "1",
            ["RateLimiting:Burst"] = "4", // the set-up's four requests
        });
        await api.RangeAsync("444433", new Dictionary<string, string?> { ["cvv2"] = null });
        var pan = await api.CardAsync("444433");
        await api.Client().VerifyAsync("/v1/cvv/verify", new { pan, expiry = "3012", kind = "cvv2", value = "000" });

        for (var i = 0; i < 10; i++)
        {
            using var response = await api.Client(null).GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.Contains("issuer_verifications_total{", text, StringComparison.Ordinal);
            Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
            Assert.DoesNotContain(pan, text, StringComparison.Ordinal);
        }
    }
}
