using HdrHistogram;

namespace Modelport.Cli.Perf;

/// <summary>Client latencies of a measurement in microseconds: average, spread and the percentiles perf_analyzer reports.</summary>
internal sealed record LatencySummary(double Average, double StandardDeviation, long P50, long P90, long P95, long P99, long? Chosen)
{
    /// <param name="percentile">A further percentile to report, or null.</param>
    public static LatencySummary From(HistogramBase histogram, int? percentile) => histogram.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, percentile is null ? null : 0)
        : new LatencySummary(
            histogram.GetMean(),
            histogram.GetStdDeviation(),
            histogram.GetValueAtPercentile(50),
            histogram.GetValueAtPercentile(90),
            histogram.GetValueAtPercentile(95),
            histogram.GetValueAtPercentile(99),
            percentile is { } p ? histogram.GetValueAtPercentile(p) : null);

    /// <summary>The latency that stability and the summary use: the chosen percentile, or else the average.</summary>
    public double Stabilizing => Chosen ?? Average;
}
