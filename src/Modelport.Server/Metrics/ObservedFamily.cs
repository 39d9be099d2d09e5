using System.Diagnostics.Metrics;

namespace Modelport.Server.Metrics;

/// <summary>An observable counter or gauge: its values are the ones its callback reported during the current scrape.</summary>
internal sealed class ObservedFamily(Instrument instrument, string type) : MetricFamily(instrument)
{
    private readonly List<(KeyValuePair<string, string>[] Labels, double Value)> _samples = [];

    /// <summary>Called under the exporter's scrape lock, before the instruments are observed.</summary>
    public void Clear() => _samples.Clear();

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => _samples.Add((Labels(tags), value));

    public override void Write(PrometheusTextWriter writer)
    {
        if (_samples.Count == 0)
        {
            return;
        }

        writer.Family(Instrument.Name, type, Instrument.Description);
        foreach (var (labels, value) in _samples)
        {
            writer.Sample(Instrument.Name, labels, value);
        }
    }
}
