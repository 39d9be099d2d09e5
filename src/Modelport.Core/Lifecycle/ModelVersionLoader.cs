using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Diagnostics;
using Modelport.Core.Models;
using Modelport.Core.Scheduling;
using Modelport.Core.Statistics;

namespace Modelport.Core.Lifecycle;

/// <summary>Builds one complete <see cref="ModelHandle"/>: engine, completed config, signature, instances, warmup and scheduler.</summary>
internal static class ModelVersionLoader
{
    public static async Task<ModelHandle> LoadAsync(
        IModelBackend backend,
        string modelName,
        string modelDirectory,
        long version,
        string versionFolder,
        ModelConfig config,
        TimeProvider timeProvider,
        ModelportMetrics? metrics,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var fileName = string.IsNullOrEmpty(config.DefaultModelFilename) ? backend.DefaultModelFileName : config.DefaultModelFilename;
        var modelFile = Path.Combine(versionFolder, fileName);
        if (!File.Exists(modelFile))
        {
            throw new ModelLoadException($"version folder '{version}' has no model file '{fileName}'");
        }

        var instanceCount = InstanceGroups.Count(config);
        var backendModel = await backend.LoadAsync(
            new BackendLoadContext { ModelName = modelName, Version = version, ModelFilePath = modelFile, Config = config },
            cancellationToken).ConfigureAwait(false);
        var instances = new List<IModelInstance>();
        try
        {
            var policy = SchedulingPolicy.From(backendModel.Config);
            var sequencePolicy = SequencePolicy.From(backendModel.Config);
            var signature = SignatureBuilder.Build(backendModel.Config, modelDirectory);
            for (var index = 0; index < instanceCount; index++)
            {
                instances.Add(backendModel.CreateInstance());
            }

            await Warmup.RunAsync(modelName, backendModel.Config, signature, instances, modelDirectory, cancellationToken).ConfigureAwait(false);
            var statistics = new ModelStatistics(timeProvider, metrics, modelName, version) { LoadDuration = timeProvider.GetElapsedTime(started) };
            var scheduler = new ModelScheduler(modelName, policy, instances, statistics, timeProvider);
            var sequences = sequencePolicy is null ? null : new SequenceBatcher(modelName, sequencePolicy, scheduler, timeProvider);
            return new ModelHandle(modelName, version, signature, backendModel, scheduler, sequences, statistics);
        }
        catch
        {
            instances.ForEach(instance => instance.Dispose());
            backendModel.Dispose();
            throw;
        }
    }
}
