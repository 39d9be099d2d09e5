using System.Text.Json;
using Modelport.Core.Statistics;

namespace Modelport.Server.Statistics;

/// <summary>Writes model statistics in the JSON of Triton's statistics extension.</summary>
internal static class StatisticsJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ModelStatisticsSnapshot> models)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("model_stats");
        foreach (var model in models)
        {
            writer.WriteStartObject();
            writer.WriteString("name", model.Name);
            writer.WriteString("version", model.Version);
            writer.WriteNumber("last_inference", model.LastInference);
            writer.WriteNumber("inference_count", model.InferenceCount);
            writer.WriteNumber("execution_count", model.ExecutionCount);
            writer.WriteStartObject("inference_stats");
            WriteDuration(writer, "success", model.Success);
            WriteDuration(writer, "fail", model.Fail);
            WriteDuration(writer, "queue", model.Queue);
            WriteDuration(writer, "compute_input", model.ComputeInput);
            WriteDuration(writer, "compute_infer", model.ComputeInfer);
            WriteDuration(writer, "compute_output", model.ComputeOutput);

            // No response cache: Triton reports zeros for it too when the cache is off.
            WriteDuration(writer, "cache_hit", default);
            WriteDuration(writer, "cache_miss", default);
            writer.WriteEndObject();
            writer.WriteStartObject("response_stats");
            writer.WriteEndObject();
            writer.WriteStartArray("batch_stats");
            foreach (var batch in model.Batches)
            {
                writer.WriteStartObject();
                writer.WriteNumber("batch_size", batch.BatchSize);
                WriteDuration(writer, "compute_input", batch.ComputeInput);
                WriteDuration(writer, "compute_infer", batch.ComputeInfer);
                WriteDuration(writer, "compute_output", batch.ComputeOutput);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("memory_usage");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDuration(Utf8JsonWriter writer, string name, DurationStatistics duration)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("count", duration.Count);
        writer.WriteNumber("ns", duration.Nanoseconds);
        writer.WriteEndObject();
    }
}
