using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Models;
using Modelport.Core.Scheduling;
using Modelport.Core.Statistics;

namespace Modelport.Core.Lifecycle;

/// <summary>
/// An immutable, fully loaded model version. Requests hold a reference while they use it; when the handle is retired
/// (replaced or unloaded) it is disposed as soon as the last request returns, never before.
/// </summary>
public sealed class ModelHandle
{
    private readonly IBackendModel _backendModel;
    private readonly SequenceBatcher? _sequences;
    private ModelConfig _config;
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // One reference belongs to the repository while the handle is published; each request in flight holds another.
    private int _references = 1;

    internal ModelHandle(
        string name,
        long version,
        ModelSignature signature,
        IBackendModel backendModel,
        ModelScheduler scheduler,
        SequenceBatcher? sequences,
        ModelStatistics statistics)
    {
        _sequences = sequences;
        Name = name;
        Version = version;
        _config = backendModel.Config;
        Signature = signature;
        _backendModel = backendModel;
        Scheduler = scheduler;
        Statistics = statistics;
    }

    public string Name { get; }

    public long Version { get; }

    /// <summary>The completed config, as the config endpoint returns it (a new snapshot when the instance count changes).</summary>
    public ModelConfig Config => Volatile.Read(ref _config);

    public ModelSignature Signature { get; }

    public string Platform => string.IsNullOrEmpty(Config.Platform) ? Config.Backend : Config.Platform;

    internal ModelStatistics Statistics { get; }

    internal ModelScheduler Scheduler { get; }

    /// <summary>Completes once the handle is retired and its last request has returned.</summary>
    internal Task Disposed => _disposed.Task;

    internal bool TryAcquire()
    {
        var references = Volatile.Read(ref _references);
        while (references > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, references + 1, references);
            if (seen == references)
            {
                return true;
            }

            references = seen;
        }

        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            // Disposal releases native sessions; keep it off the thread of the request that happened to finish last.
            ThreadPool.UnsafeQueueUserWorkItem(static handle => handle.DisposeNow(), this, preferLocal: false);
        }
    }

    /// <summary>Runs a validated request through the version's scheduler (through its sequence batcher for a stateful model).</summary>
    internal ValueTask<Result<ExecutionOutputs>> ScheduleAsync(
        ExecutionInputs inputs, long batchSize, SchedulingOptions options, CancellationToken cancellationToken) =>
        _sequences is null
            ? Scheduler.ScheduleAsync(inputs, batchSize, options, cancellationToken)
            : _sequences.ScheduleAsync(inputs, batchSize, options, cancellationToken);

    internal ModelStatisticsSnapshot Snapshot() => Statistics.Snapshot(Name, Version, Scheduler.PendingCount);

    /// <summary>Runs <paramref name="count"/> instances from now on; the model file is not reloaded.</summary>
    internal void SetInstanceCount(int count)
    {
        Scheduler.SetInstanceCount(count, _backendModel.CreateInstance);
        var config = Config.Clone();
        var groupName = config.InstanceGroup.FirstOrDefault()?.Name is { Length: > 0 } name ? name : $"{Name}_0";
        config.InstanceGroup.Clear();
        config.InstanceGroup.Add(new ModelInstanceGroup { Name = groupName, Kind = ModelInstanceGroup.Types.Kind.Cpu, Count = count });
        Volatile.Write(ref _config, config);
    }

    /// <summary>Withdraws the repository's reference; the handle is disposed when no request holds it any more.</summary>
    internal void Retire() => Release();

    private void DisposeNow()
    {
        try
        {
            _sequences?.Dispose();
            Scheduler.Dispose();
            _backendModel.Dispose();
        }
        finally
        {
            _disposed.TrySetResult();
        }
    }
}
