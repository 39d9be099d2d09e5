using System.Globalization;
using System.Text.Json;
using Modelport.Core.Configuration;

namespace Modelport.Server.TorchServe;

/// <summary>
/// One entry of TorchServe's describe answer. Its workers are the model's instances: one READY worker per instance of
/// a loaded version, none for a version that is not loaded. Fields without a Modelport counterpart (engine, runtime,
/// memory usage, job queue) are left out.
/// </summary>
internal static class DescribeWriter
{
    public static void Write(Utf8JsonWriter writer, string model, long version, string? url, ModelConfig? loaded)
    {
        var instances = loaded is null ? 0 : InstanceCount(loaded);
        writer.WriteStartObject();
        writer.WriteString("modelName", model);
        writer.WriteString("modelVersion", version.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("modelUrl", url ?? model);
        writer.WriteNumber("minWorkers", instances);
        writer.WriteNumber("maxWorkers", instances);
        if (loaded is not null)
        {
            // TorchServe's batchSize is server-side batching; a model without dynamic batching runs each request alone.
            writer.WriteNumber("batchSize", loaded.DynamicBatching is null ? 1 : Math.Max(1, loaded.MaxBatchSize));
            writer.WriteNumber("maxBatchDelay", (loaded.DynamicBatching?.MaxQueueDelayMicroseconds ?? 0) / 1000);
        }

        writer.WriteBoolean("loadedAtStartup", url is null);
        writer.WriteStartArray("workers");
        for (var index = 1; index <= instances; index++)
        {
            writer.WriteStartObject();
            writer.WriteString("id", index.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("status", "READY");
            writer.WriteBoolean("gpu", false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The instances a config runs; a group without a count has one, as in Triton.</summary>
    public static int InstanceCount(ModelConfig config) =>
        config.InstanceGroup.Count == 0 ? 1 : config.InstanceGroup.Sum(group => Math.Max(1, group.Count));
}
