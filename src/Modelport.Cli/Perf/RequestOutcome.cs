namespace Modelport.Cli.Perf;

/// <summary>
/// How one request went: its error, or null, and the <see cref="System.Diagnostics.Stopwatch"/> ticks spent sending the
/// request and receiving the answer's body; the rest of its latency was spent waiting for the answer.
/// </summary>
internal readonly record struct RequestOutcome(string? Error, long SendTicks, long ReceiveTicks)
{
    public static RequestOutcome Failed(string error) => new(error, 0, 0);
}
