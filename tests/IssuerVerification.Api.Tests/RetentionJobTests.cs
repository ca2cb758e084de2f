using System.Diagnostics.Metrics;
using IssuerVerification.Api.Filters;
using IssuerVerification.Api.Retention;
using IssuerVerification.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IssuerVerification.Api.Tests;

/// <summary>The retention job in the running service: every table's task runs, and what each removed is in the metrics.</summary>
public sealed class RetentionJobTests
{
    public static TheoryData<string> Stores => TestStores.All;

    [Theory, MemberData(nameof(Stores))]
    public async Task A_run_removes_what_expired_and_reports_it_per_table(string store)
    {
        await using var api = await TestApi.StartAsync(store);
        var client = api.Client();
        client.DefaultRequestHeaders.Add(IdempotencyFilter.HeaderName, "retention");
        (await client.PostJsonAsync("/v1/admin/keys", new { alias = "retention-1", usage = "CVK" })).EnsureSuccessStatusCode();
        api.Clock.Advance(TimeSpan.FromDays(2));
        var metrics = api.Services.GetRequiredService<RetentionMetrics>();
        var reported = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "issuer.retention.deleted")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => reported[(string)tags[0].Value!] = value);
        listener.Start();

        var removed = await api.Services.GetRequiredService<RetentionJob>().RunAsync(default);

        string[] tables = ["AuditLog", "IdempotencyRecords", "Outbox", "Dcvv2Issuances", "Dcvv2UsedWindows", "TokenVerifications", "TokenCallbacks",
            "ThreeDsHistory", "ThreeDsAuthentications", "ThreeDsIssuedValues"];
        Assert.Equal(tables.Order(), removed.Keys.Order());
        Assert.Equal(1, removed["IdempotencyRecords"]);
        Assert.Equal(0, removed["AuditLog"]); // two days old: kept for a year
        Assert.Equal(removed.OrderBy(r => r.Key), reported.OrderBy(r => r.Key));
    }
}
