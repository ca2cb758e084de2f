using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using IssuerVerification.Api.Health;
using IssuerVerification.Domain.Telemetry;
using YamlDotNet.Serialization;

namespace IssuerVerification.Api.Tests;

/// <summary>
/// The deployment files, checked as far as no container engine is needed: they parse, compose keeps its secrets in files
/// with no default, every service restarts, the image installs nothing and probes itself, and the dashboard and alert rules
/// ask only for metrics the service exports.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static Dictionary<object, object> Yaml(params string[] path) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(RepositoryRoot.Combine(path)));

    private static Dictionary<object, object> Map(object node, string key) => (Dictionary<object, object>)((Dictionary<object, object>)node)[key];

    private static List<object> List(object node, string key) => (List<object>)((Dictionary<object, object>)node)[key];

    [Fact]
    public void Compose_keeps_the_secrets_in_files_without_defaults_and_restarts_every_service()
    {
        var compose = Yaml("docker-compose.yml");
        var services = Map(compose, "services");
        Assert.All(services.Values, s => Assert.Equal("unless-stopped", ((Dictionary<object, object>)s)["restart"]));

        var api = Map(services, "api");
        var environment = Map(api, "environment");
        Assert.DoesNotContain(environment.Keys.Cast<string>(), k => Regex.IsMatch(k, "MasterKey|AdminApiKey|Password|ASPNETCORE_URLS|HTTP_PORTS"));
        Assert.DoesNotContain(environment.Values, v => v?.ToString()?.Contains("Password=", StringComparison.OrdinalIgnoreCase) == true);
        var targets = List(api, "secrets").Select(s => ((Dictionary<object, object>)s)["target"]).Cast<string>();
        Assert.Equal(["Bootstrap__AdminApiKey", "Crypto__MasterKey", "Storage__Password"], targets.Order());

        var db = Map(services, "db");
        Assert.Equal("/run/secrets/db_password", Map(db, "environment")["POSTGRES_PASSWORD_FILE"]);
        Assert.False(Map(db, "environment").ContainsKey("POSTGRES_PASSWORD"));

        // Compose stops with the message when a variable is unset (${VAR:?message}); a default (${VAR:-...}) would start without it.
        Assert.All(Map(compose, "secrets").Values, s => Assert.Matches(@"^\$\{IV_[A-Z_]+_FILE:\?set .+\}$", (string)((Dictionary<object, object>)s)["file"]));
        Assert.Equal(3, Map(compose, "secrets").Count);
    }

    [Fact]
    public void The_telemetry_profile_adds_a_collector_with_its_configuration()
    {
        var collector = Map(Map(Yaml("docker-compose.yml"), "services"), "otel-collector");
        Assert.Equal(["telemetry"], List(collector, "profiles"));
        var mount = ((string)List(collector, "volumes")[0]).Split(':');
        var config = Yaml(mount[0].Split('/', StringSplitOptions.RemoveEmptyEntries)[1..]);
        var pipelines = Map(Map(config, "service"), "pipelines");
        Assert.Equal(["otlp"], List(pipelines["metrics"], "receivers"));
        Assert.Equal(["otlp"], List(pipelines["traces"], "receivers"));
    }

    [Fact]
    public void The_image_installs_nothing_sets_no_url_and_probes_itself()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("Dockerfile"));
        var instructions = dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).ToList();
        Assert.DoesNotContain(instructions, l => l.Contains("curl", StringComparison.Ordinal) || l.Contains("apt-get", StringComparison.Ordinal));
        Assert.DoesNotContain(instructions, l => l.Contains("ASPNETCORE_URLS", StringComparison.Ordinal));
        var probe = instructions.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Skip(1).First();
        Assert.Contains($"\"dotnet\", \"IssuerVerification.Api.dll\", \"{HealthProbe.Argument}\"", probe, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", instructions);
    }

    [Fact]
    public void The_dashboard_parses_and_asks_only_for_exported_metrics()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("deploy", "grafana", "issuer-verification.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        Assert.True(expressions.Count >= 10);
        AssertExported(expressions);
    }

    [Fact]
    public void The_alert_rules_parse_and_cover_lockouts_errors_deliveries_and_latency()
    {
        var rules = List(List(Yaml("deploy", "prometheus", "alerts.yaml"), "groups")[0], "rules").Cast<Dictionary<object, object>>().ToList();
        Assert.All(rules, r =>
        {
            Assert.Matches("^[0-9]+m$", (string)r["for"]);
            Assert.Contains((string)Map(r, "labels")["severity"], new[] { "warning", "critical" });
            Assert.NotEmpty((string)Map(r, "annotations")["summary"]);
        });
        Assert.Equal(["IssuerCallbackFailures", "IssuerDeliveryFailures", "IssuerLatencyP99High", "IssuerLockoutSpike", "IssuerServerErrors", "IssuerStoreUnavailable"],
            rules.Select(r => (string)r["alert"]).Order());
        AssertExported(rules.Select(r => (string)r["expr"]));
    }

    /// <summary>
    /// Every metric an expression names is one the service exports under the Prometheus naming of OpenTelemetry: dots become
    /// underscores, counters end in _total, seconds in _seconds, histograms are read as _bucket, _sum and _count.
    /// </summary>
    private static void AssertExported(IEnumerable<string> expressions)
    {
        var exported = ExportedNames();
        foreach (var name in expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)))
        {
            Assert.True(exported.Contains(name), $"{name} is not a metric the service exports");
        }
    }

    private static HashSet<string> ExportedNames()
    {
        var instruments = new List<(string Name, string? Unit, bool Counter)>
        {
            // Instruments outside IssuerMetrics: the group-commit writers (static, in the store), ASP.NET Core's request duration,
            // and the retention job's (docs/operations.md#metrics).
            ("issuer.group_commit.batch.size", "{item}", false),
            ("issuer.group_commit.wait.duration", "s", false),
            ("http.server.request.duration", "s", false),
            ("issuer.retention.deleted", "{record}", true),
        };
        // Other tests publish instruments on other threads meanwhile: collect under a lock until the listener is gone.
        var published = new List<(string Name, string? Unit, bool Counter)>();
        using var meters = new TestMeterFactory();
        using (var listener = new MeterListener { InstrumentPublished = (i, _) => { lock (published) { published.Add((i.Name, i.Unit, i is Counter<long>)); } } })
        {
            listener.Start();
            _ = new IssuerMetrics(meters);
        }
        lock (published)
        {
            instruments.AddRange(published);
        }
        return instruments.SelectMany(i =>
        {
            var name = i.Name.Replace('.', '_') + (i.Unit == "s" ? "_seconds" : "");
            return i.Counter ? [name + "_total"] : new[] { name + "_bucket", name + "_sum", name + "_count" };
        }).ToHashSet();
    }

    [GeneratedRegex(@"\b(issuer|http_server)_[a-z0-9_]+(?=[{\[])")] // a metric, not a label: a selector or range follows
    private static partial Regex MetricName();
}
