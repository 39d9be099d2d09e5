using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Modelport.Server.Metrics;

/// <summary>
/// A histogram's buckets per label set, filled as measurements arrive. The bounds are the instrument's advice (set from
/// <c>--metrics-histogram-buckets</c>); each label set's counts change under its own lock, so a scrape never sees a
/// count that its buckets do not add up to.
/// </summary>
internal sealed class HistogramFamily(Histogram<double> instrument) : MetricFamily(instrument)
{
    // Every Modelport histogram gives its bounds as advice; one without would have only the +Inf bucket.
    private readonly double[] _bounds = [.. instrument.Advice?.HistogramBucketBoundaries ?? []];
    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u001f', labels.Select(label => label.Value));
        var cell = _cells.GetOrAdd(key, static (_, state) => new Cell(state.Labels, state.Buckets), (Labels: labels, Buckets: _bounds.Length + 1));
        var bucket = Array.BinarySearch(_bounds, value);
        cell.Add(bucket >= 0 ? bucket : ~bucket, value);
    }

    public override void Write(PrometheusTextWriter writer)
    {
        if (_cells.IsEmpty)
        {
            return;
        }

        var name = Instrument.Name;
        writer.Family(name, "histogram", Instrument.Description);
        foreach (var (_, cell) in _cells.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var (counts, sum, count) = cell.Read();
            long cumulative = 0;
            for (var bucket = 0; bucket < counts.Length; bucket++)
            {
                cumulative += counts[bucket];
                var bound = bucket < _bounds.Length ? _bounds[bucket] : double.PositiveInfinity;
                writer.Sample(name + "_bucket", cell.Labels, cumulative, new("le", PrometheusTextWriter.Number(bound)));
            }

            writer.Sample(name + "_sum", cell.Labels, sum);
            writer.Sample(name + "_count", cell.Labels, count);
        }
    }

    private sealed class Cell(KeyValuePair<string, string>[] labels, int buckets)
    {
        private readonly Lock _gate = new();
        private readonly long[] _counts = new long[buckets];
        private double _sum;
        private long _count;

        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public void Add(int bucket, double value)
        {
            lock (_gate)
            {
                _counts[bucket]++;
                _sum += value;
                _count++;
            }
        }

        public (long[] Counts, double Sum, long Count) Read()
        {
            lock (_gate)
            {
                return ([.. _counts], _sum, _count);
            }
        }
    }
}
