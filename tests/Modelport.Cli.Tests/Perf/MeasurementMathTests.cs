using HdrHistogram;
using Modelport.Cli.Perf;

namespace Modelport.Cli.Tests.Perf;

public sealed class MeasurementMathTests
{
    [Fact]
    public void Percentiles_of_1_to_100_microseconds_are_exact()
    {
        var histogram = Histogram(Enumerable.Range(1, 100));

        var summary = LatencySummary.From(histogram, percentile: 75);

        Assert.Equal(50.5, summary.Average, 3);
        Assert.Equal(50, summary.P50);
        Assert.Equal(90, summary.P90);
        Assert.Equal(95, summary.P95);
        Assert.Equal(99, summary.P99);
        Assert.Equal(75, summary.Chosen);
        Assert.Equal(75, summary.Stabilizing);
    }

    [Fact]
    public void Without_a_percentile_stability_uses_the_average()
    {
        var summary = LatencySummary.From(Histogram([100, 100, 400]), percentile: null);

        Assert.Null(summary.Chosen);
        Assert.Equal(200, summary.Stabilizing, 3);
        Assert.Equal(100, summary.P50);
        Assert.Equal(400, summary.P99);
    }

    [Fact]
    public void An_empty_window_reports_zeros() =>
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0, 0), LatencySummary.From(Histogram([]), percentile: 90));

    [Fact]
    public void Merged_windows_add_requests_and_durations()
    {
        var first = new Window(Histogram([10, 20]), 1, 100, 10, TimeSpan.FromSeconds(1), null, "boom");
        var second = new Window(Histogram([30]), 0, 50, 5, TimeSpan.FromSeconds(2), null, null);

        var merged = Window.Merge([first, second]);

        Assert.Equal(3, merged.Requests);
        Assert.Equal(1, merged.Errors);
        Assert.Equal(150, merged.SendTicks);
        Assert.Equal(TimeSpan.FromSeconds(3), merged.Duration);
        Assert.Equal("boom", merged.FirstError);
        Assert.Equal(4, merged.Throughput(batchSize: 4));
        Assert.Equal(20, LatencySummary.From(merged.Latencies, null).Average, 3);
    }

    [Theory]
    [InlineData(new[] { 100.0, 105, 95 }, new[] { 1000.0, 1000, 1000 }, 10, true)]
    [InlineData(new[] { 100.0, 115, 95 }, new[] { 1000.0, 1000, 1000 }, 10, false)]
    [InlineData(new[] { 100.0, 100, 100 }, new[] { 1000.0, 1200, 1000 }, 10, false)]
    [InlineData(new[] { 100.0, 100, 100 }, new[] { 1000.0, 1200, 1000 }, 20, true)]
    [InlineData(new[] { 10.0, 500, 100, 101, 99 }, new[] { 90.0, 1, 50, 50, 51 }, 5, true)]
    [InlineData(new[] { 100.0, 100 }, new[] { 50.0, 50 }, 10, false)]
    [InlineData(new[] { 0.0, 0, 0 }, new[] { 0.0, 0, 0 }, 10, false)]
    [InlineData(new[] { 0.0, 100, 100, 100 }, new[] { 0.0, 50, 50, 50 }, 10, true)]
    public void Stable_when_each_of_the_last_3_windows_is_within_the_percentage_of_their_average(
        double[] throughputs, double[] latencies, double percentage, bool stable) =>
        Assert.Equal(stable, Stability.IsStable([.. throughputs.Zip(latencies)], percentage));

    [Fact]
    public void A_constant_schedule_spaces_requests_evenly()
    {
        var schedule = new RequestSchedule(4, RequestDistribution.Constant, seed: 1);

        Assert.Equal([0, 0.25, 0.5, 0.75], Enumerable.Range(0, 4).Select(_ => schedule.Next()));
    }

    [Fact]
    public void A_poisson_schedule_keeps_the_mean_rate()
    {
        var schedule = new RequestSchedule(100, RequestDistribution.Poisson, seed: 1);

        var times = Enumerable.Range(0, 10_001).Select(_ => schedule.Next()).ToArray();

        // 10,000 exponential gaps of mean 10 ms: their sum is within a few percent of 100 s.
        Assert.InRange(times[^1], 95, 105);
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.Second >= pair.First));
    }

    private static HistogramBase Histogram(IEnumerable<int> microseconds)
    {
        var histogram = new LongHistogram(WindowRecorder.MaxMicroseconds, 3);
        foreach (var value in microseconds)
        {
            histogram.RecordValue(value);
        }

        return histogram;
    }
}
