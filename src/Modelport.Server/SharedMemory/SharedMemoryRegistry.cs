using System.Collections.Concurrent;
using Modelport.Core.Errors;

namespace Modelport.Server.SharedMemory;

/// <summary>
/// The system shared memory regions clients registered, by name. Requests find and acquire regions without locking;
/// registering and unregistering are serialised. Disposing the registry (at shutdown) unregisters every region.
/// </summary>
internal sealed class SharedMemoryRegistry(int maxRegions) : IDisposable
{
    private readonly ConcurrentDictionary<string, SharedMemoryRegion> _regions = new(StringComparer.Ordinal);
    private readonly Lock _changes = new();

    public InferenceError? Register(string name, string key, long offset, long byteSize)
    {
        if (name.Length == 0)
        {
            return InferenceError.InvalidArgument("a system shared memory region needs a name");
        }

        lock (_changes)
        {
            if (_regions.ContainsKey(name))
            {
                return InferenceError.AlreadyExists($"shared memory region '{name}' is registered already; unregister it first");
            }

            if (_regions.Count >= maxRegions)
            {
                return InferenceError.Unavailable(
                    $"cannot register shared memory region '{name}': {maxRegions} regions are registered, the most this server holds; unregister one first");
            }

            var mapping = SharedMemoryMapping.Open(name, key, offset, byteSize);
            if (mapping.Error is { } error)
            {
                return error;
            }

            _regions[name] = new SharedMemoryRegion(name, key, offset, mapping.Value);
            return null;
        }
    }

    /// <summary>Unregisters a region; as in Triton, a name that is not registered is no error. Requests using it finish first.</summary>
    public void Unregister(string name)
    {
        lock (_changes)
        {
            Remove(name);
        }
    }

    public void UnregisterAll()
    {
        lock (_changes)
        {
            foreach (var name in _regions.Keys)
            {
                Remove(name);
            }
        }
    }

    /// <summary>Every registered region by name, or the one named.</summary>
    public Result<IReadOnlyList<SharedMemoryRegion>> Status(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Result<IReadOnlyList<SharedMemoryRegion>>.Success([.. _regions.Values.OrderBy(region => region.Name, StringComparer.Ordinal)]);
        }

        return _regions.TryGetValue(name, out var region)
            ? Result<IReadOnlyList<SharedMemoryRegion>>.Success([region])
            : InferenceError.NotFound($"no system shared memory region '{name}' is registered");
    }

    /// <summary>A reference to a region for one request of <paramref name="subject"/>; release it when the request is done.</summary>
    public Result<SharedMemoryRegion> Acquire(string name, string subject) =>
        _regions.TryGetValue(name, out var region) && region.TryAcquire()
            ? region
            : InferenceError.NotFound($"{subject} refers to shared memory region '{name}', which is not registered");

    public void Dispose() => UnregisterAll();

    private void Remove(string name)
    {
        if (_regions.TryRemove(name, out var region))
        {
            region.Release();
        }
    }
}
