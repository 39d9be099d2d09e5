using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>Reads the statistics extension's answer, <c>{"model_stats": [...]}</c>; a field a server leaves out counts as zero.</summary>
internal static class StatisticsJson
{
    public static List<ModelStatistics> Read(JsonElement root) =>
        root.TryGetProperty("model_stats", out var models) ? [.. models.EnumerateArray().Select(ReadModel)] : [];

    private static ModelStatistics ReadModel(JsonElement model)
    {
        var inference = model.TryGetProperty("inference_stats", out var stats) ? stats : default;
        return new ModelStatistics(
            model.GetProperty("name").GetString()!,
            model.TryGetProperty("version", out var version) ? version.GetString() ?? string.Empty : string.Empty,
            Number(model, "last_inference"),
            Number(model, "inference_count"),
            Number(model, "execution_count"),
            new InferStatistics(
                Duration(inference, "success"),
                Duration(inference, "fail"),
                Duration(inference, "queue"),
                Duration(inference, "compute_input"),
                Duration(inference, "compute_infer"),
                Duration(inference, "compute_output"),
                Duration(inference, "cache_hit"),
                Duration(inference, "cache_miss")),
            model.TryGetProperty("batch_stats", out var batches)
                ? [.. batches.EnumerateArray().Select(batch => new BatchStatistics(
                    Number(batch, "batch_size"),
                    Duration(batch, "compute_input"),
                    Duration(batch, "compute_infer"),
                    Duration(batch, "compute_output")))]
                : []);
    }

    private static StatisticDuration Duration(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var duration)
            ? new StatisticDuration(Number(duration, "count"), Number(duration, "ns"))
            : StatisticDuration.Zero;

    private static long Number(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) ? value.GetInt64() : 0;
}
