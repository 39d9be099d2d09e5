using System.Collections.Concurrent;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>A loaded fake model version; it records its instances and every call to Dispose.</summary>
internal sealed class FakeModel(long version, ModelConfig config, FakeModelBehaviour behaviour) : IBackendModel
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposeCount;

    public long Version { get; } = version;

    public ModelConfig Config { get; } = config;

    public ConcurrentQueue<FakeInstance> Instances { get; } = new();

    public int DisposeCount => Volatile.Read(ref _disposeCount);

    /// <summary>Completes on the first Dispose.</summary>
    public Task Disposed => _disposed.Task;

    public IModelInstance CreateInstance()
    {
        var instance = new FakeInstance(Version, behaviour);
        Instances.Enqueue(instance);
        return instance;
    }

    public void Dispose()
    {
        Interlocked.Increment(ref _disposeCount);
        _disposed.TrySetResult();
    }
}
