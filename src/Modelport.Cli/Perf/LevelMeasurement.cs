namespace Modelport.Cli.Perf;

/// <summary>
/// Measures one load level: windows of --measurement-interval, each with the server's statistics delta, until the
/// last 3 are stable or --max-trials windows have passed; the level's result is those last 3 merged.
/// </summary>
internal static class LevelMeasurement
{
    public static async Task<LevelResult> RunAsync(
        double level, PerfSettings settings, ILoad load, WindowRecorder recorder, ServerStatistics statistics, PerfOutput output, CancellationToken cancellationToken)
    {
        var windows = new List<Window>();
        var measurements = new List<(double Throughput, double Latency)>();
        try
        {
            // Connections, streams and the server's first-request work are set up before measuring, not inside a window.
            await recorder.FirstAnswer.WaitAsync(cancellationToken).ConfigureAwait(false);
            var before = await statistics.ReadAsync(cancellationToken).ConfigureAwait(false);
            recorder.Restart();
            while (true)
            {
                await Task.Delay(settings.MeasurementInterval, cancellationToken).ConfigureAwait(false);
                var ended = recorder.Collect();
                var after = await statistics.ReadAsync(cancellationToken).ConfigureAwait(false);
                var window = ended with { Server = before is not null && after is not null ? ServerDelta.Between(before, after, settings.Model, settings.Version) : null };
                before = after;
                windows.Add(window);
                var latency = LatencySummary.From(window.Latencies, settings.Percentile);
                measurements.Add((window.Throughput(settings.BatchSize), latency.Stabilizing));
                output.Progress(
                    $"  {LevelName(settings, level)}: window {windows.Count}/{settings.MaxTrials}, {ConsoleReport.Number(measurements[^1].Throughput)} infer/sec, "
                    + $"{(settings.Percentile is { } p ? $"p{p}" : "avg")} latency {ConsoleReport.Us(latency.Stabilizing)} usec"
                    + (window.Errors > 0 ? $", {window.Errors} errors" : string.Empty));
                var stable = Stability.IsStable(measurements, settings.StabilityPercentage);
                if (stable || windows.Count >= settings.MaxTrials)
                {
                    output.EndProgress();
                    var merged = Window.Merge(windows[^Stability.Windows..]);
                    return new LevelResult(
                        level, merged, LatencySummary.From(merged.Latencies, settings.Percentile), merged.Throughput(settings.BatchSize), stable, windows.Count);
                }
            }
        }
        finally
        {
            await load.StopAsync().ConfigureAwait(false);
        }
    }

    public static string LevelName(PerfSettings settings, double level) =>
        settings.Concurrency is not null ? $"concurrency {ConsoleReport.Number(level)}" : $"request rate {ConsoleReport.Number(level)}/s";
}
