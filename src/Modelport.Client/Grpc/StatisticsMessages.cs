using Wire = Modelport.Protocol.Grpc;

namespace Modelport.Client.Grpc;

/// <summary>Turns the <c>ModelStatistics</c> RPC's answer into the client's statistics records.</summary>
internal static class StatisticsMessages
{
    public static List<ModelStatistics> FromWire(Wire.ModelStatisticsResponse response) =>
    [
        .. response.ModelStats.Select(model => new ModelStatistics(
            model.Name,
            model.Version,
            checked((long)model.LastInference),
            checked((long)model.InferenceCount),
            checked((long)model.ExecutionCount),
            FromWire(model.InferenceStats ?? new Wire.InferStatistics()),
            [.. model.BatchStats.Select(batch => new BatchStatistics(
                checked((long)batch.BatchSize), FromWire(batch.ComputeInput), FromWire(batch.ComputeInfer), FromWire(batch.ComputeOutput)))])),
    ];

    private static InferStatistics FromWire(Wire.InferStatistics stats) => new(
        FromWire(stats.Success),
        FromWire(stats.Fail),
        FromWire(stats.Queue),
        FromWire(stats.ComputeInput),
        FromWire(stats.ComputeInfer),
        FromWire(stats.ComputeOutput),
        FromWire(stats.CacheHit),
        FromWire(stats.CacheMiss));

    private static StatisticDuration FromWire(Wire.StatisticDuration? duration) =>
        duration is null ? StatisticDuration.Zero : new StatisticDuration(checked((long)duration.Count), checked((long)duration.Ns));
}
