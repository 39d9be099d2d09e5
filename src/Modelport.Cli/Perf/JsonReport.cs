using System.Text.Json;

namespace Modelport.Cli.Perf;

/// <summary>The results for programs: every level with client latencies, throughput, and the server split when there is one.</summary>
internal static class JsonReport
{
    public static void Write(string path, PerfSettings settings, IReadOnlyList<LevelResult> results, string? serverStatistics)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("model", settings.Model);
        writer.WriteString("version", settings.Version);
        writer.WriteString("url", settings.Url);
        writer.WriteString("protocol", settings.Protocol == PerfProtocol.Grpc ? "grpc" : "http");
        writer.WriteString("mode", settings.Concurrency is not null ? "concurrency" : "request_rate");
        writer.WriteBoolean("async", settings.Async);
        writer.WriteBoolean("streaming", settings.Streaming);
        writer.WriteBoolean("binary", settings.Binary);
        writer.WriteString("shared_memory", settings.SystemSharedMemory ? "system" : "none");
        writer.WriteNumber("batch_size", settings.BatchSize);
        writer.WriteNumber("measurement_interval_ms", settings.MeasurementInterval.TotalMilliseconds);
        writer.WriteNumber("stability_percentage", settings.StabilityPercentage);
        if (serverStatistics is not null)
        {
            writer.WriteString("server_statistics_unavailable", serverStatistics);
        }

        writer.WriteStartArray("results");
        foreach (var result in results)
        {
            WriteLevel(writer, settings, result);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLevel(Utf8JsonWriter writer, PerfSettings settings, LevelResult result)
    {
        writer.WriteStartObject();
        writer.WriteNumber(settings.Concurrency is not null ? "concurrency" : "request_rate", result.Level);
        writer.WriteNumber("throughput_infer_per_sec", result.Throughput);
        writer.WriteNumber("request_count", result.Measured.Requests);
        writer.WriteNumber("error_count", result.Measured.Errors);
        writer.WriteString("first_error", result.Measured.FirstError);
        writer.WriteBoolean("stable", result.Stable);
        writer.WriteNumber("windows", result.Windows);
        writer.WriteStartObject("latency_us");
        writer.WriteNumber("avg", result.Latency.Average);
        writer.WriteNumber("std", result.Latency.StandardDeviation);
        writer.WriteNumber("p50", result.Latency.P50);
        writer.WriteNumber("p90", result.Latency.P90);
        writer.WriteNumber("p95", result.Latency.P95);
        writer.WriteNumber("p99", result.Latency.P99);
        if (settings.Percentile is { } percentile)
        {
            writer.WriteNumber($"p{percentile}", result.Latency.Chosen!.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("client_us");
        writer.WriteNumber("send", result.SendMicroseconds);
        writer.WriteNumber("receive", result.ReceiveMicroseconds);
        writer.WriteNumber("response_wait", result.WaitMicroseconds);
        writer.WriteEndObject();
        if (result.Measured.Server is { } server)
        {
            writer.WriteStartObject("server");
            writer.WriteNumber("inference_count", server.InferenceCount);
            writer.WriteNumber("execution_count", server.ExecutionCount);
            writer.WriteNumber("request_count", server.Success.Count);
            writer.WriteNumber("request_us", server.RequestMicroseconds);
            writer.WriteNumber("overhead_us", server.OverheadMicroseconds);
            writer.WriteNumber("queue_us", server.QueueMicroseconds);
            writer.WriteNumber("compute_input_us", server.ComputeInputMicroseconds);
            writer.WriteNumber("compute_infer_us", server.ComputeInferMicroseconds);
            writer.WriteNumber("compute_output_us", server.ComputeOutputMicroseconds);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("server");
        }

        writer.WriteEndObject();
    }
}
