namespace Modelport.Core.Statistics;

/// <summary>How many times something happened and how long it took in total, in nanoseconds.</summary>
public readonly record struct DurationStatistics(long Count, long Nanoseconds);
