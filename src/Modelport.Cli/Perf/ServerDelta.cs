using Modelport.Client;

namespace Modelport.Cli.Perf;

/// <summary>
/// What the server did between two statistics readings of the model: counts and nanoseconds, summed over its versions.
/// Averages divide each duration by its own count, as perf_analyzer does.
/// </summary>
internal sealed record ServerDelta(
    long InferenceCount,
    long ExecutionCount,
    StatisticDuration Success,
    StatisticDuration Queue,
    StatisticDuration ComputeInput,
    StatisticDuration ComputeInfer,
    StatisticDuration ComputeOutput)
{
    public static ServerDelta Zero { get; } = new(0, 0, StatisticDuration.Zero, StatisticDuration.Zero, StatisticDuration.Zero, StatisticDuration.Zero, StatisticDuration.Zero);

    /// <summary>Server request time: from arrival to the response.</summary>
    public double RequestMicroseconds => Average(Success);

    public double QueueMicroseconds => Average(Queue);

    public double ComputeInputMicroseconds => Average(ComputeInput);

    public double ComputeInferMicroseconds => Average(ComputeInfer);

    public double ComputeOutputMicroseconds => Average(ComputeOutput);

    /// <summary>Request time not spent queued or computing: the server's own handling. Two readings can disagree by a request, so never below 0.</summary>
    public double OverheadMicroseconds =>
        Math.Max(0, RequestMicroseconds - QueueMicroseconds - ComputeInputMicroseconds - ComputeInferMicroseconds - ComputeOutputMicroseconds);

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/> of the model's entries (one version, or every one).</summary>
    public static ServerDelta Between(IReadOnlyList<ModelStatistics> before, IReadOnlyList<ModelStatistics> after, string model, string? version) =>
        Sum(after, model, version).Minus(Sum(before, model, version));

    public ServerDelta Plus(ServerDelta other) => new(
        InferenceCount + other.InferenceCount,
        ExecutionCount + other.ExecutionCount,
        Add(Success, other.Success, 1),
        Add(Queue, other.Queue, 1),
        Add(ComputeInput, other.ComputeInput, 1),
        Add(ComputeInfer, other.ComputeInfer, 1),
        Add(ComputeOutput, other.ComputeOutput, 1));

    private ServerDelta Minus(ServerDelta other) => new(
        InferenceCount - other.InferenceCount,
        ExecutionCount - other.ExecutionCount,
        Add(Success, other.Success, -1),
        Add(Queue, other.Queue, -1),
        Add(ComputeInput, other.ComputeInput, -1),
        Add(ComputeInfer, other.ComputeInfer, -1),
        Add(ComputeOutput, other.ComputeOutput, -1));

    private static ServerDelta Sum(IReadOnlyList<ModelStatistics> readings, string model, string? version) =>
        readings
            .Where(reading => reading.Name == model && (version is null || reading.Version == version))
            .Select(reading => new ServerDelta(
                reading.InferenceCount,
                reading.ExecutionCount,
                reading.InferenceStats.Success,
                reading.InferenceStats.Queue,
                reading.InferenceStats.ComputeInput,
                reading.InferenceStats.ComputeInfer,
                reading.InferenceStats.ComputeOutput))
            .Aggregate(Zero, (total, next) => total.Plus(next));

    private static StatisticDuration Add(StatisticDuration left, StatisticDuration right, int sign) =>
        new(left.Count + (sign * right.Count), left.Nanoseconds + (sign * right.Nanoseconds));

    private static double Average(StatisticDuration duration) => duration.Count > 0 ? duration.Nanoseconds / 1000.0 / duration.Count : 0;
}
