using System.Collections.Concurrent;
using Modelport.Core.Backends;
using Modelport.Core.Diagnostics;

namespace Modelport.Core.Statistics;

/// <summary>
/// The live counters of one model version; written by the scheduler and the inference service, read as snapshots (the
/// statistics extension, and the metrics' counters). The latencies also go to the metrics' histograms from here.
/// </summary>
internal sealed class ModelStatistics
{
    private readonly DurationCounter _success = new();
    private readonly DurationCounter _fail = new();
    private readonly DurationCounter _queue = new();
    private readonly DurationCounter _computeInput = new();
    private readonly DurationCounter _computeInfer = new();
    private readonly DurationCounter _computeOutput = new();
    private readonly long[] _failuresByReason = new long[Enum.GetValues<FailureReason>().Length];
    private readonly ConcurrentDictionary<long, BatchCounters> _batches = new();
    private readonly TimeProvider _timeProvider;
    private readonly ModelportMetrics? _metrics;
    private readonly KeyValuePair<string, object?>[] _metricTags;
    private long _inferenceCount;
    private long _executionCount;
    private long _lastInference;

    public ModelStatistics(TimeProvider timeProvider, ModelportMetrics? metrics = null, string modelName = "", long version = 0)
    {
        _timeProvider = timeProvider;
        _metrics = metrics;
        _metricTags = metrics is null ? [] : ModelportMetrics.VersionTags(modelName, version);
    }

    /// <summary>How long the version took to load, warmup included.</summary>
    public TimeSpan LoadDuration { get; init; }

    public void RecordSuccess(TimeSpan duration)
    {
        _success.Add(duration);
        _metrics?.RequestSucceeded(duration, _metricTags);
        Volatile.Write(ref _lastInference, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    public void RecordFailure(FailureReason reason, TimeSpan duration)
    {
        _fail.Add(duration);
        Interlocked.Increment(ref _failuresByReason[(int)reason]);
    }

    public void RecordQueued(TimeSpan waited)
    {
        _queue.Add(waited);
        _metrics?.RequestDequeued(waited, _metricTags);
    }

    /// <summary>One execution of a batch of <paramref name="batchSize"/> rows carrying <paramref name="requests"/> requests.</summary>
    public void RecordExecution(long batchSize, int requests, ExecutionTimings timings)
    {
        Interlocked.Increment(ref _executionCount);
        Interlocked.Add(ref _inferenceCount, batchSize);
        _computeInput.Add(timings.ComputeInput, requests);
        _computeInfer.Add(timings.ComputeInfer, requests);
        _computeOutput.Add(timings.ComputeOutput, requests);
        var batch = _batches.GetOrAdd(batchSize, static _ => new BatchCounters());
        batch.ComputeInput.Add(timings.ComputeInput);
        batch.ComputeInfer.Add(timings.ComputeInfer);
        batch.ComputeOutput.Add(timings.ComputeOutput);
    }

    public ModelStatisticsSnapshot Snapshot(string name, long version, int pendingRequests) => new()
    {
        Name = name,
        Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LastInference = Volatile.Read(ref _lastInference),
        InferenceCount = Volatile.Read(ref _inferenceCount),
        ExecutionCount = Volatile.Read(ref _executionCount),
        Success = _success.Read(),
        Fail = _fail.Read(),
        Queue = _queue.Read(),
        ComputeInput = _computeInput.Read(),
        ComputeInfer = _computeInfer.Read(),
        ComputeOutput = _computeOutput.Read(),
        FailuresByReason = Enum.GetValues<FailureReason>().ToDictionary(reason => reason, reason => Volatile.Read(ref _failuresByReason[(int)reason])),
        Batches = [.. _batches.OrderBy(pair => pair.Key).Select(pair => pair.Value.Read(pair.Key))],
        PendingRequests = pendingRequests,
        LoadDuration = LoadDuration,
    };

    private sealed class BatchCounters
    {
        public DurationCounter ComputeInput { get; } = new();

        public DurationCounter ComputeInfer { get; } = new();

        public DurationCounter ComputeOutput { get; } = new();

        public BatchStatistics Read(long batchSize) => new(batchSize, ComputeInput.Read(), ComputeInfer.Read(), ComputeOutput.Read());
    }
}
