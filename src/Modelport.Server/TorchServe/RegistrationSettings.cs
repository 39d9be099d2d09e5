using Modelport.Core.Configuration;
using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

/// <summary>
/// The serving settings of TorchServe's register call, as a Triton config override: <c>initial_workers</c> is the
/// instance count, <c>batch_size</c> above 1 turns on dynamic batching up to that size, waiting at most
/// <c>max_batch_delay</c> milliseconds for a batch to fill.
/// </summary>
internal sealed record RegistrationSettings(int? InitialWorkers, int? BatchSize, int? MaxBatchDelayMs)
{
    // TorchServe's default max_batch_delay is 100 ms.
    private const int DefaultMaxBatchDelayMs = 100;

    public bool ChangesConfig => InitialWorkers is not null || BatchSize > 1;

    /// <summary>The registered folder's own config.pbtxt (or an empty config) with the settings applied.</summary>
    public Result<ModelConfig> Apply(string modelFolder)
    {
        var path = Path.Combine(modelFolder, "config.pbtxt");
        ModelConfig config;
        try
        {
            config = File.Exists(path) ? ModelConfigText.Parse(File.ReadAllText(path), path) : new ModelConfig();
        }
        catch (ModelConfigParseException exception)
        {
            return InferenceError.InvalidArgument(exception.Message);
        }

        if (InitialWorkers is { } workers)
        {
            var group = config.InstanceGroup.FirstOrDefault()?.Clone() ?? new ModelInstanceGroup();
            group.Count = workers;
            config.InstanceGroup.Clear();
            config.InstanceGroup.Add(group);
        }

        if (BatchSize is > 1 and var batchSize)
        {
            config.MaxBatchSize = batchSize;
            config.DynamicBatching ??= new ModelDynamicBatching();
            config.DynamicBatching.MaxQueueDelayMicroseconds = (ulong)(MaxBatchDelayMs ?? DefaultMaxBatchDelayMs) * 1000;
        }

        return config;
    }
}
