using System.Diagnostics.Metrics;
using System.Globalization;
using Modelport.Core.Statistics;

namespace Modelport.Core.Diagnostics;

/// <summary>
/// Modelport's metrics, on <see cref="System.Diagnostics.Metrics"/> under Triton's names: counters and gauges observed
/// from the per-version statistics when a listener collects them, latency histograms recorded as requests complete.
/// Exporters (Prometheus text, OpenTelemetry) listen to <see cref="Meter"/>; with none listening a record is one check.
/// </summary>
public sealed partial class ModelportMetrics
{
    public const string MeterName = "Modelport";

    private readonly Histogram<double> _requestDuration;
    private readonly Histogram<double> _queueDuration;
    private Func<IReadOnlyList<ModelStatisticsSnapshot>> _models = static () => [];

    public ModelportMetrics(IMeterFactory meterFactory, ModelportMetricsOptions options)
    {
        options.Validate();
        Meter = meterFactory.Create(MeterName);
        var buckets = new InstrumentAdvice<double> { HistogramBucketBoundaries = options.HistogramBucketsMs };

        // Triton's name for its request latency histogram; for a model that answers once it is the whole request.
        _requestDuration = Meter.CreateHistogram(
            "nv_inference_first_response_histogram_ms", "ms", "Duration from request to first response in milliseconds", tags: null, buckets);
        // Triton has no queue histogram; the name follows its request histogram and its nv_inference_queue_summary_us.
        _queueDuration = Meter.CreateHistogram(
            "nv_inference_queue_histogram_ms", "ms", "Time requests wait in the scheduling queue in milliseconds", tags: null, buckets);

        Counter("nv_inference_request_success", "Number of successful inference requests, all batch sizes", snapshot => snapshot.Success.Count);
        Meter.CreateObservableCounter("nv_inference_request_failure", ObserveFailures, unit: null, "Number of failed inference requests, all batch sizes");
        Counter("nv_inference_count", "Number of inferences performed (does not include cached requests)", snapshot => snapshot.InferenceCount);
        Counter("nv_inference_exec_count", "Number of model executions performed (does not include cached requests)", snapshot => snapshot.ExecutionCount);
        Counter("nv_inference_request_duration_us", "Cumulative inference request duration in microseconds (includes cached requests)", snapshot => Microseconds(snapshot.Success));
        Counter("nv_inference_queue_duration_us", "Cumulative inference queuing duration in microseconds (includes cached requests)", snapshot => Microseconds(snapshot.Queue));
        Counter("nv_inference_compute_input_duration_us", "Cumulative compute input duration in microseconds (does not include cached requests)", snapshot => Microseconds(snapshot.ComputeInput));
        Counter("nv_inference_compute_infer_duration_us", "Cumulative compute inference duration in microseconds (does not include cached requests)", snapshot => Microseconds(snapshot.ComputeInfer));
        Counter("nv_inference_compute_output_duration_us", "Cumulative inference compute output duration in microseconds (does not include cached requests)", snapshot => Microseconds(snapshot.ComputeOutput));
        Meter.CreateObservableGauge(
            "nv_inference_pending_request_count",
            () => Observe(snapshot => (long)snapshot.PendingRequests),
            unit: null,
            "Instantaneous number of pending requests awaiting execution per-model.");
        Meter.CreateObservableGauge(
            "nv_model_load_duration_secs", () => Observe(snapshot => snapshot.LoadDuration.TotalSeconds), "s", "Model load time in seconds");
        CreateHostInstruments();
    }

    /// <summary>The meter every Modelport instrument belongs to; an exporter enables the instruments whose meter this is.</summary>
    public Meter Meter { get; }

    /// <summary>The tags of one model version, built once when it loads so that recording builds none.</summary>
    internal static KeyValuePair<string, object?>[] VersionTags(string model, long version) =>
        [new("model", model), new("version", version.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Sets where the per-version counters come from: the statistics of every ready version at the moment of collection.</summary>
    internal void ObserveModels(Func<IReadOnlyList<ModelStatisticsSnapshot>> models) => Volatile.Write(ref _models, models);

    internal void RequestSucceeded(TimeSpan duration, KeyValuePair<string, object?>[] tags)
    {
        if (_requestDuration.Enabled)
        {
            _requestDuration.Record(duration.TotalMilliseconds, tags);
        }
    }

    internal void RequestDequeued(TimeSpan waited, KeyValuePair<string, object?>[] tags)
    {
        if (_queueDuration.Enabled)
        {
            _queueDuration.Record(waited.TotalMilliseconds, tags);
        }
    }

    private void Counter(string name, string description, Func<ModelStatisticsSnapshot, long> read) =>
        Meter.CreateObservableCounter(name, () => Observe(read), unit: null, description);

    private IEnumerable<Measurement<T>> Observe<T>(Func<ModelStatisticsSnapshot, T> read)
        where T : struct =>
        Volatile.Read(ref _models)().Select(snapshot => new Measurement<T>(read(snapshot), Tags(snapshot)));

    private IEnumerable<Measurement<long>> ObserveFailures() =>
        Volatile.Read(ref _models)().SelectMany(snapshot => snapshot.FailuresByReason.Select(failure =>
            new Measurement<long>(failure.Value, [.. Tags(snapshot), new("reason", ReasonLabel(failure.Key))])));

    private static KeyValuePair<string, object?>[] Tags(ModelStatisticsSnapshot snapshot) => [new("model", snapshot.Name), new("version", snapshot.Version)];

    private static string ReasonLabel(FailureReason reason) => reason switch
    {
        FailureReason.Rejected => "REJECTED",
        FailureReason.Canceled => "CANCELED",
        FailureReason.Backend => "BACKEND",
        _ => "OTHER",
    };

    private static long Microseconds(DurationStatistics duration) => duration.Nanoseconds / 1000;
}
