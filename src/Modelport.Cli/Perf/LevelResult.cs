using System.Diagnostics;

namespace Modelport.Cli.Perf;

/// <summary>One load level's result: its last windows merged, and whether they were stable.</summary>
internal sealed record LevelResult(double Level, Window Measured, LatencySummary Latency, double Throughput, bool Stable, int Windows)
{
    public double SendMicroseconds => PerRequest(Measured.SendTicks);

    public double ReceiveMicroseconds => PerRequest(Measured.ReceiveTicks);

    /// <summary>Latency spent neither sending nor receiving: the request on the network and in the server.</summary>
    public double WaitMicroseconds => Math.Max(0, Latency.Average - SendMicroseconds - ReceiveMicroseconds);

    /// <summary>perf_analyzer's "Network+Server Send/Recv": the wait less the server's queue and compute times.</summary>
    public double NetworkMicroseconds => Measured.Server is { } server
        ? Math.Max(0, WaitMicroseconds - server.QueueMicroseconds - server.ComputeInputMicroseconds - server.ComputeInferMicroseconds - server.ComputeOutputMicroseconds)
        : WaitMicroseconds;

    private double PerRequest(long ticks) => Measured.Requests > 0 ? ticks * 1_000_000.0 / Stopwatch.Frequency / Measured.Requests : 0;
}
