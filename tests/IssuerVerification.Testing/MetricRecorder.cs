using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IssuerVerification.Testing;

/// <summary>
/// Records what instruments measure, from the meters a predicate selects (one API host's meter factory, say,
/// so that tests running in parallel do not count each other's requests).
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder(Func<Meter, bool> listensTo)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (listensTo(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The instruments of the meters created by <paramref name="factory"/>.</summary>
    public static MetricRecorder Of(IMeterFactory factory) => new(meter => meter.Scope == factory);

    public sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>The measurements of <paramref name="instrument"/> whose tags include every one of <paramref name="tags"/> (a null value: the tag is absent).</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, string? Value)[] tags) =>
        _measurements.Where(m => m.Instrument.Name == instrument
                && tags.All(t => t.Value is null ? !m.Tags.ContainsKey(t.Key) : m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
            .ToList();

    /// <summary>The sum of what <paramref name="instrument"/> counted with these tags.</summary>
    public double Sum(string instrument, params (string Key, string? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(tags.Length);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        _measurements.Enqueue(new Measurement(instrument, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>A meter factory of its own, for domain services built by hand.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        lock (_meters)
        {
            _meters.Add(meter);
        }
        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
        }
    }
}
