using HdrHistogram;

namespace Modelport.Cli.Perf;

/// <summary>
/// One measurement window, or several merged: requests that ended in it, their latencies, and the server's delta
/// (null when the server has no statistics).
/// </summary>
internal sealed record Window(
    HistogramBase Latencies,
    long Errors,
    long SendTicks,
    long ReceiveTicks,
    TimeSpan Duration,
    ServerDelta? Server,
    string? FirstError)
{
    public long Requests => Latencies.TotalCount;

    public double Throughput(int batchSize) => Duration > TimeSpan.Zero ? Requests * batchSize / Duration.TotalSeconds : 0;

    /// <summary>Windows measured back to back, as one: perf_analyzer reports a level by its last stable windows merged.</summary>
    public static Window Merge(IReadOnlyList<Window> windows)
    {
        var latencies = windows[0].Latencies.Copy();
        foreach (var window in windows.Skip(1))
        {
            latencies.Add(window.Latencies);
        }

        return new Window(
            latencies,
            windows.Sum(window => window.Errors),
            windows.Sum(window => window.SendTicks),
            windows.Sum(window => window.ReceiveTicks),
            windows.Aggregate(TimeSpan.Zero, (total, window) => total + window.Duration),
            windows.All(window => window.Server is not null) ? windows.Aggregate(ServerDelta.Zero, (total, window) => total.Plus(window.Server!)) : null,
            windows.Select(window => window.FirstError).FirstOrDefault(error => error is not null));
    }
}
