using Modelport.Client.Http;

namespace Modelport.Client;

public sealed partial class ModelportHttpClient
{
    /// <inheritdoc/>
    public async Task RegisterSystemSharedMemoryAsync(string name, string key, long byteSize, long offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(byteSize);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        using var content = JsonContent(SharedMemoryJson.Registration(key, offset, byteSize));
        using var response = await SendAsync(HttpMethod.Post, HttpPaths.SystemSharedMemory(name, "register"), content, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UnregisterSystemSharedMemoryAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        // Triton's unregister request has an empty body.
        using var response = await SendAsync(HttpMethod.Post, HttpPaths.SystemSharedMemory(name, "unregister"), content: null, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SharedMemoryRegionStatus>> GetSystemSharedMemoryStatusAsync(string? name = null, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(HttpMethod.Get, HttpPaths.SystemSharedMemory(name, "status"), content: null, "shared memory status", SharedMemoryJson.ReadStatus, cancellationToken)
            .ConfigureAwait(false);
}
