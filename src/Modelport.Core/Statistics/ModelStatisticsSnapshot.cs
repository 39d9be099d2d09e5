namespace Modelport.Core.Statistics;

/// <summary>
/// The statistics of one model version at one moment, in the terms of Triton's statistics extension. Durations per
/// request: success and fail from arrival to answer, queue from arrival to execution, compute from the batch that
/// carried the request.
/// </summary>
public sealed record ModelStatisticsSnapshot
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>Milliseconds since the Unix epoch of the last successful request; 0 when there was none.</summary>
    public required long LastInference { get; init; }

    /// <summary>The inferences performed: the sum of the batch sizes of all executions.</summary>
    public required long InferenceCount { get; init; }

    /// <summary>The executions of the model; fewer than the inferences when requests were batched.</summary>
    public required long ExecutionCount { get; init; }

    public required DurationStatistics Success { get; init; }

    public required DurationStatistics Fail { get; init; }

    public required DurationStatistics Queue { get; init; }

    public required DurationStatistics ComputeInput { get; init; }

    public required DurationStatistics ComputeInfer { get; init; }

    public required DurationStatistics ComputeOutput { get; init; }

    public required IReadOnlyDictionary<FailureReason, long> FailuresByReason { get; init; }

    /// <summary>By ascending batch size.</summary>
    public required IReadOnlyList<BatchStatistics> Batches { get; init; }

    /// <summary>Requests waiting in the queue at the moment of the snapshot.</summary>
    public required int PendingRequests { get; init; }

    /// <summary>How long the version took to load, warmup included.</summary>
    public TimeSpan LoadDuration { get; init; }
}
