using Modelport.Core.Errors;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    /// <summary>
    /// Runs <paramref name="count"/> execution instances of a ready version (of every ready version when
    /// <paramref name="version"/> is empty) from now on, without reloading the model file. The config the version reports
    /// shows the new count. A later reload reads the count from the repository's config again.
    /// </summary>
    public async Task<InferenceError?> SetInstanceCountAsync(string name, string? version, int count, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxInstanceCount)
        {
            return InferenceError.InvalidArgument($"instance count {count} for model '{name}' must be between 1 and {MaxInstanceCount}");
        }

        if (!_models.TryGetValue(name, out var entry))
        {
            return InferenceError.NotFound($"unknown model '{name}'");
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<ModelHandle> handles;
            if (string.IsNullOrEmpty(version))
            {
                handles = [.. entry.Table.Handles];
            }
            else
            {
                var acquired = Acquire(name, version);
                if (acquired.Error is { } error)
                {
                    return error;
                }

                using var lease = acquired.Value;
                handles = [lease.Handle];
            }

            if (handles.Count == 0)
            {
                return InferenceError.NotReady($"model '{name}' has no ready version");
            }

            // Under the gate no load or unload retires these handles, so they stay usable after the lease is gone.
            foreach (var handle in handles)
            {
                handle.SetInstanceCount(count);
            }

            return null;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>More instances than this cannot run at once on any machine this server targets; it bounds a client's ask.</summary>
    private const int MaxInstanceCount = 256;
}
