using System.Globalization;

namespace Modelport.Cli.Perf;

/// <summary>The text report, laid out as perf_analyzer's, so readers of one can read the other.</summary>
internal static class ConsoleReport
{
    public static void Settings(TextWriter output, PerfSettings settings)
    {
        output.WriteLine("*** Measurement Settings ***");
        output.WriteLine($"  Batch size: {settings.BatchSize}");
        output.WriteLine($"  Measurement window: {settings.MeasurementInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} msec");
        output.WriteLine($"  Using {(settings.Async ? "asynchronous" : "synchronous")} calls for inference{(settings.Streaming ? " over gRPC streams" : string.Empty)}");
        output.WriteLine($"  Stabilizing using {(settings.Percentile is { } p ? $"p{p}" : "average")} latency");
        output.WriteLine();
    }

    public static void Level(TextWriter output, PerfSettings settings, LevelResult result)
    {
        var measured = result.Measured;
        output.WriteLine(settings.Concurrency is not null ? $"Request concurrency: {Number(result.Level)}" : $"Request Rate: {Number(result.Level)} inference requests per second");
        if (!result.Stable)
        {
            output.WriteLine($"  Failed to obtain stable measurement within {result.Windows} measurement windows; reporting the last {Stability.Windows}.");
        }

        output.WriteLine("  Client:");
        output.WriteLine($"    Request count: {measured.Requests}");
        if (measured.Errors > 0)
        {
            output.WriteLine($"    Errors: {measured.Errors} (first: {measured.FirstError})");
        }

        output.WriteLine($"    Throughput: {Number(result.Throughput)} infer/sec");
        output.WriteLine($"    Avg latency: {Us(result.Latency.Average)} usec (standard deviation {Us(result.Latency.StandardDeviation)} usec)");
        output.WriteLine($"    p50 latency: {result.Latency.P50} usec");
        output.WriteLine($"    p90 latency: {result.Latency.P90} usec");
        output.WriteLine($"    p95 latency: {result.Latency.P95} usec");
        output.WriteLine($"    p99 latency: {result.Latency.P99} usec");
        if (settings.Percentile is { } percentile and not (50 or 90 or 95 or 99))
        {
            output.WriteLine($"    p{percentile} latency: {result.Latency.Chosen} usec");
        }

        var transport = settings.Protocol == PerfProtocol.Grpc ? "gRPC" : "HTTP";
        output.WriteLine($"    Avg {transport} time: {Us(result.Latency.Average)} usec (send/recv {Us(result.SendMicroseconds + result.ReceiveMicroseconds)} usec + response wait {Us(result.WaitMicroseconds)} usec)");
        if (measured.Server is not { } server)
        {
            return;
        }

        output.WriteLine("  Server:");
        output.WriteLine($"    Inference count: {server.InferenceCount}");
        output.WriteLine($"    Execution count: {server.ExecutionCount}");
        output.WriteLine($"    Successful request count: {server.Success.Count}");
        output.WriteLine(
            $"    Avg request latency: {Us(server.RequestMicroseconds)} usec (overhead {Us(server.OverheadMicroseconds)} usec + queue {Us(server.QueueMicroseconds)} usec"
            + $" + compute input {Us(server.ComputeInputMicroseconds)} usec + compute infer {Us(server.ComputeInferMicroseconds)} usec"
            + $" + compute output {Us(server.ComputeOutputMicroseconds)} usec)");
    }

    public static void Summary(TextWriter output, PerfSettings settings, IReadOnlyList<LevelResult> results)
    {
        var latency = settings.Percentile is { } p ? $"p{p}" : "avg";
        output.WriteLine();
        output.WriteLine($"Inferences/Second vs. Client {latency} Batch Latency");
        foreach (var result in results)
        {
            var level = settings.Concurrency is not null ? $"Concurrency: {Number(result.Level)}" : $"Request Rate: {Number(result.Level)}";
            output.WriteLine($"{level}, throughput: {Number(result.Throughput)} infer/sec, latency {Us(result.Latency.Stabilizing)} usec");
        }
    }

    public static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public static string Us(double microseconds) => Math.Round(microseconds).ToString(CultureInfo.InvariantCulture);
}
