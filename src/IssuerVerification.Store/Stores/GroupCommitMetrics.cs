using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IssuerVerification.Store.Stores;

/// <summary>
/// How group commit batches (in the service's meter, "IssuerVerification"): the size of each committed batch, and how long
/// each caller waited for its result (queueing and the commit). Static: the writers are created by the stores, not by DI.
/// </summary>
internal static class GroupCommitMetrics
{
    private static readonly Meter Meter = new("IssuerVerification");
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("issuer.group_commit.batch.size", "{item}",
        "Items committed together in one transaction.", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>("issuer.group_commit.wait.duration", "s",
        "From an item's submission to its transaction's commit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static bool WaitsMeasured => Wait.Enabled;

    /// <summary>One batch of <paramref name="writer"/>, committed or failed.</summary>
    public static void Batch(string writer, int size) => BatchSize.Record(size, Tag(writer));

    /// <summary>One caller's wait: from <paramref name="submitted"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public static void Waited(string writer, long submitted) => Wait.Record(Stopwatch.GetElapsedTime(submitted).TotalSeconds, Tag(writer));

    private static KeyValuePair<string, object?> Tag(string writer) => new("issuer.group_commit.writer", writer);
}
