using System.Diagnostics.Metrics;

namespace IssuerVerification.Api.Retention;

/// <summary>What the retention job removed, per table: <c>issuer.retention.deleted</c> in the service's meter.</summary>
public sealed class RetentionMetrics
{
    public const string MeterName = "IssuerVerification";
    private readonly Counter<long> _deleted;

    public RetentionMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _deleted = Meter.CreateCounter<long>("issuer.retention.deleted", "{record}", "Records removed because their retention ended.");
    }

    public Meter Meter { get; }

    public void Deleted(string table, long count) => _deleted.Add(count, new KeyValuePair<string, object?>("table", table));
}
