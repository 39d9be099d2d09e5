using Modelport.Core.Statistics;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Statistics;

/// <summary>Model statistics as the gRPC ModelStatistics RPC answers them.</summary>
internal static class StatisticsWire
{
    public static ModelStatisticsResponse ToWire(IReadOnlyList<ModelStatisticsSnapshot> models)
    {
        var response = new ModelStatisticsResponse();
        foreach (var model in models)
        {
            response.ModelStats.Add(new ModelStatistics
            {
                Name = model.Name,
                Version = model.Version,
                LastInference = (ulong)model.LastInference,
                InferenceCount = (ulong)model.InferenceCount,
                ExecutionCount = (ulong)model.ExecutionCount,
                InferenceStats = new InferStatistics
                {
                    Success = ToWire(model.Success),
                    Fail = ToWire(model.Fail),
                    Queue = ToWire(model.Queue),
                    ComputeInput = ToWire(model.ComputeInput),
                    ComputeInfer = ToWire(model.ComputeInfer),
                    ComputeOutput = ToWire(model.ComputeOutput),
                    CacheHit = new StatisticDuration(),
                    CacheMiss = new StatisticDuration(),
                },
                BatchStats =
                {
                    model.Batches.Select(batch => new InferBatchStatistics
                    {
                        BatchSize = (ulong)batch.BatchSize,
                        ComputeInput = ToWire(batch.ComputeInput),
                        ComputeInfer = ToWire(batch.ComputeInfer),
                        ComputeOutput = ToWire(batch.ComputeOutput),
                    }),
                },
            });
        }

        return response;
    }

    private static StatisticDuration ToWire(DurationStatistics duration) =>
        new() { Count = (ulong)duration.Count, Ns = (ulong)duration.Nanoseconds };
}
