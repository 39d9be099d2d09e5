using System.Diagnostics.Metrics;
using System.Text;
using Modelport.Core.Diagnostics;

namespace Modelport.Server.Metrics;

/// <summary>
/// Listens to Modelport's meter and renders its instruments as Prometheus text: observable counters and gauges are
/// observed at each scrape, histograms are aggregated as measurements arrive. Other meters in the process (another
/// server's, in tests) are not listened to.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _scrape = new();
    private readonly List<MetricFamily> _families = [];

    public PrometheusExporter(ModelportMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter != metrics.Meter || Family(instrument) is not { } family)
            {
                return;
            }

            lock (_scrape)
            {
                _families.Add(family);
            }

            listener.EnableMeasurementEvents(instrument, family);
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Observes every observable instrument and writes all families in the order their instruments were created.</summary>
    public string Scrape()
    {
        var text = new StringBuilder();
        var writer = new PrometheusTextWriter(text);
        lock (_scrape)
        {
            foreach (var observed in _families.OfType<ObservedFamily>())
            {
                observed.Clear();
            }

            // Runs the callbacks on this thread, into the families cleared above.
            _listener.RecordObservableInstruments();
            _families.ForEach(family => family.Write(writer));
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static MetricFamily? Family(Instrument instrument) => instrument switch
    {
        Histogram<double> histogram => new HistogramFamily(histogram),
        ObservableCounter<long> or ObservableCounter<double> => new ObservedFamily(instrument, "counter"),
        ObservableGauge<long> or ObservableGauge<double> => new ObservedFamily(instrument, "gauge"),
        _ => null,
    };
}
