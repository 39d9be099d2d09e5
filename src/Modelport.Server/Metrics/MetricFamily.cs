using System.Diagnostics.Metrics;
using System.Globalization;

namespace Modelport.Server.Metrics;

/// <summary>What the exporter keeps of one instrument between its measurements and the next scrape.</summary>
internal abstract class MetricFamily(Instrument instrument)
{
    public Instrument Instrument { get; } = instrument;

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    public abstract void Write(PrometheusTextWriter writer);

    protected static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var index = 0; index < tags.Length; index++)
        {
            labels[index] = new(tags[index].Key, Convert.ToString(tags[index].Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return labels;
    }
}
