namespace Modelport.Client;

/// <summary>Cumulative execution statistics of one batch size (Triton's <c>batch_stats</c> entries).</summary>
/// <param name="BatchSize">The batch size these executions ran with.</param>
/// <param name="ComputeInput">Executions of this size and their input time.</param>
/// <param name="ComputeInfer">Executions of this size and their engine time.</param>
/// <param name="ComputeOutput">Executions of this size and their output time.</param>
public sealed record BatchStatistics(long BatchSize, StatisticDuration ComputeInput, StatisticDuration ComputeInfer, StatisticDuration ComputeOutput);
