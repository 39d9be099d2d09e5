namespace Modelport.Core.Statistics;

/// <summary>The executions of one batch size: how many there were and where their time went.</summary>
public sealed record BatchStatistics(long BatchSize, DurationStatistics ComputeInput, DurationStatistics ComputeInfer, DurationStatistics ComputeOutput);
