using System.Globalization;

namespace Modelport.Cli.Perf;

/// <summary>perf_analyzer's <c>-f</c> CSV (with its --verbose-csv latency columns): one row per level, by increasing throughput, times in µs.</summary>
internal static class CsvReport
{
    public static readonly string[] Columns =
    [
        "Inferences/Second", "Client Send", "Network+Server Send/Recv", "Server Queue", "Server Compute Input",
        "Server Compute Infer", "Server Compute Output", "Client Recv", "p50 latency", "p90 latency", "p95 latency",
        "p99 latency", "Avg latency", "request/response", "response wait",
    ];

    public static void Write(string path, PerfSettings settings, IReadOnlyList<LevelResult> results)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', [settings.Concurrency is not null ? "Concurrency" : "Request Rate", .. Columns]));
        foreach (var result in results.OrderBy(result => result.Throughput))
        {
            var server = result.Measured.Server;
            object[] row =
            [
                result.Level, Math.Round(result.Throughput, 1), Us(result.SendMicroseconds), Us(result.NetworkMicroseconds),
                Us(server?.QueueMicroseconds), Us(server?.ComputeInputMicroseconds), Us(server?.ComputeInferMicroseconds),
                Us(server?.ComputeOutputMicroseconds), Us(result.ReceiveMicroseconds), result.Latency.P50, result.Latency.P90,
                result.Latency.P95, result.Latency.P99, Us(result.Latency.Average),
                Us(result.SendMicroseconds + result.ReceiveMicroseconds), Us(result.WaitMicroseconds),
            ];
            writer.WriteLine(string.Join(',', row.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>Without server statistics the server columns read 0, as perf_analyzer writes them for servers that have none.</summary>
    private static long Us(double? microseconds) => (long)Math.Round(microseconds ?? 0);
}
