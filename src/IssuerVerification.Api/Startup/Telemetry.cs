using IssuerVerification.Domain.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IssuerVerification.Api.Startup;

/// <summary>
/// Metrics and traces (docs/operations.md#metrics): the service's meter, ASP.NET Core, outgoing HTTP and Npgsql. Exported over
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other standard <c>OTEL_*</c> variables apply), and on
/// <c>/metrics</c> in the Prometheus text format when <c>Metrics:PrometheusEndpoint</c> is true. With neither, nothing is
/// collected.
/// </summary>
internal static class Telemetry
{
    public const string PrometheusSetting = "Metrics:PrometheusEndpoint";
    public const string PrometheusPath = "/metrics";

    public static IServiceCollection AddIssuerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IssuerMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = PrometheusEnabled(configuration);
        if (!otlp && !prometheus)
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "issuer-verification"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IssuerMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
            telemetry.UseOtlpExporter();
        }
        return services;
    }

    /// <summary>
    /// <c>/metrics</c>, when enabled: no API key and no rate limit (a scraper calls it every few seconds), so it is for the
    /// internal network only (docs/operations.md#metrics); it is not part of the published API.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue(PrometheusSetting, false);

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(PrometheusPath);
}
