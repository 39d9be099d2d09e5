using System.Text.Json;
using Modelport.Client;

namespace Modelport.Cli.Perf;

/// <summary>What a request to the model holds, from its metadata and configuration and the --shape and -b flags.</summary>
internal sealed record ModelPlan(IReadOnlyList<TensorPlan> Inputs, IReadOnlyList<string> Outputs, bool Batching)
{
    public static async Task<(ModelPlan? Plan, string? Error)> LoadAsync(IInferenceClient client, PerfSettings settings, CancellationToken cancellationToken)
    {
        var metadata = await client.GetModelMetadataAsync(settings.Model, settings.Version, cancellationToken).ConfigureAwait(false);
        var config = await client.GetModelConfigAsync(settings.Model, settings.Version, cancellationToken).ConfigureAwait(false);
        return Create(metadata, MaxBatchSize(config), settings);
    }

    /// <summary>Resolves each input's shape: the batch dimension from -b, variable dimensions from --shape.</summary>
    public static (ModelPlan? Plan, string? Error) Create(ModelMetadata metadata, long maxBatchSize, PerfSettings settings)
    {
        var batching = maxBatchSize > 0;
        if (!batching && settings.BatchSize > 1)
        {
            return (null, $"-b {settings.BatchSize}: model '{metadata.Name}' does not batch (max_batch_size 0)");
        }

        if (batching && settings.BatchSize > maxBatchSize)
        {
            return (null, $"-b {settings.BatchSize} is above model '{metadata.Name}''s max_batch_size {maxBatchSize}");
        }

        var unknown = settings.Shapes.Keys.FirstOrDefault(name => metadata.Inputs.All(input => input.Name != name));
        if (unknown is not null)
        {
            return (null, $"--shape names '{unknown}', which is no input of model '{metadata.Name}'");
        }

        var inputs = new List<TensorPlan>();
        foreach (var input in metadata.Inputs)
        {
            // With batching, the metadata's first dimension is the batch (-1); --shape gives the rest, as in perf_analyzer.
            var dimensions = batching ? input.Shape.Skip(1).ToArray() : [.. input.Shape];
            if (settings.Shapes.TryGetValue(input.Name, out var given))
            {
                if (given.Length != dimensions.Length)
                {
                    return (null, $"--shape {input.Name} has {given.Length} dimensions; the input has {dimensions.Length} (without the batch dimension)");
                }

                dimensions = given;
            }
            else if (dimensions.Any(dimension => dimension < 0))
            {
                return (null, $"input '{input.Name}' has a variable dimension ([{string.Join(',', dimensions)}]): give its shape with --shape {input.Name}:d1,d2,...");
            }

            inputs.Add(new TensorPlan(input.Name, input.Datatype.Name, batching ? [settings.BatchSize, .. dimensions] : dimensions));
        }

        return (new ModelPlan(inputs, [.. metadata.Outputs.Select(output => output.Name)], batching), null);
    }

    private static long MaxBatchSize(JsonElement config) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty("max_batch_size", out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : 0;
}
