namespace Modelport.Core.Diagnostics;

/// <summary>How the metrics are shaped.</summary>
public sealed record ModelportMetricsOptions
{
    /// <summary>
    /// The upper bounds, in milliseconds, of the latency histograms' buckets. Triton's default buckets for its request
    /// histogram are 100, 500, 2000 and 5000 ms, made for language models; requests to a model on the CPU mostly take
    /// a few milliseconds, so finer bounds come first, and Triton's are kept so that its dashboards find their buckets.
    /// </summary>
    public IReadOnlyList<double> HistogramBucketsMs { get; init; } = [1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000];

    public void Validate()
    {
        if (HistogramBucketsMs.Count == 0)
        {
            throw new ArgumentException("--metrics-histogram-buckets must name at least one bucket", nameof(HistogramBucketsMs));
        }

        for (var index = 0; index < HistogramBucketsMs.Count; index++)
        {
            var bound = HistogramBucketsMs[index];
            if (!double.IsFinite(bound) || bound <= 0 || (index > 0 && bound <= HistogramBucketsMs[index - 1]))
            {
                throw new ArgumentException(
                    $"--metrics-histogram-buckets must be positive, finite and ascending; {bound} at position {index + 1} is not",
                    nameof(HistogramBucketsMs));
            }
        }
    }
}
