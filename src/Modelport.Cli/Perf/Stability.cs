namespace Modelport.Cli.Perf;

/// <summary>
/// perf_analyzer's stability rule: the last 3 windows are stable when each one's throughput and latency are within
/// the stability percentage of those 3 windows' average.
/// </summary>
internal static class Stability
{
    public const int Windows = 3;

    /// <param name="measurements">Throughput and stabilizing latency of each window so far, oldest first.</param>
    /// <param name="percentage">How far (%) a window may be from the average.</param>
    public static bool IsStable(IReadOnlyList<(double Throughput, double Latency)> measurements, double percentage)
    {
        if (measurements.Count < Windows)
        {
            return false;
        }

        var last = measurements.Skip(measurements.Count - Windows).ToArray();
        // A window without answers measured nothing, however alike it is to its neighbours.
        return last.All(window => window.Throughput > 0)
            && Within(last.Select(window => window.Throughput).ToArray(), percentage)
            && Within(last.Select(window => window.Latency).ToArray(), percentage);
    }

    private static bool Within(double[] values, double percentage)
    {
        var average = values.Average();
        var allowed = average * percentage / 100;
        return values.All(value => Math.Abs(value - average) <= allowed);
    }
}
