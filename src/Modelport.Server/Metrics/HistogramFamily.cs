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
    private const char KeySeparator = '\u001f';

    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    /// <summary>Every request records here, so a label set that has a cell is found without allocating its key.</summary>
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Span<char> buffer = stackalloc char[256];
        var cell = TryWriteKey(tags, buffer, out var length) && _cells.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out var existing)
            ? existing
            : AddCell(tags);
        var bucket = Array.BinarySearch(_bounds, value);
        cell.Add(bucket >= 0 ? bucket : ~bucket, value);
    }

    private Cell AddCell(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join(KeySeparator, labels.Select(label => label.Value));
        return _cells.GetOrAdd(key, static (_, state) => new Cell(state.Labels, state.Buckets), (Labels: labels, Buckets: _bounds.Length + 1));
    }

    /// <summary>The cell key (the label values, joined) of string-valued tags, when it fits the buffer.</summary>
    private static bool TryWriteKey(ReadOnlySpan<KeyValuePair<string, object?>> tags, Span<char> buffer, out int length)
    {
        length = 0;
        for (var index = 0; index < tags.Length; index++)
        {
            if (tags[index].Value is not string text || length + text.Length + 1 > buffer.Length)
            {
                return false;
            }

            if (index > 0)
            {
                buffer[length++] = KeySeparator;
            }

            text.CopyTo(buffer[length..]);
            length += text.Length;
        }

        return true;
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
