using Modelport.Protocol.Grpc;

namespace Modelport.Client;

public sealed partial class ModelportGrpcClient
{
    /// <inheritdoc/>
    public async Task RegisterSystemSharedMemoryAsync(string name, string key, long byteSize, long offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(byteSize);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var request = new SystemSharedMemoryRegisterRequest { Name = name, Key = key, Offset = (ulong)offset, ByteSize = (ulong)byteSize };
        await CallAsync(options => _client.SystemSharedMemoryRegisterAsync(request, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UnregisterSystemSharedMemoryAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var request = new SystemSharedMemoryUnregisterRequest { Name = name ?? string.Empty };
        await CallAsync(options => _client.SystemSharedMemoryUnregisterAsync(request, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SharedMemoryRegionStatus>> GetSystemSharedMemoryStatusAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var request = new SystemSharedMemoryStatusRequest { Name = name ?? string.Empty };
        var response = await CallAsync(options => _client.SystemSharedMemoryStatusAsync(request, options), cancellationToken).ConfigureAwait(false);
        return [.. response.Regions.Values
            .OrderBy(region => region.Name, StringComparer.Ordinal)
            .Select(region => new SharedMemoryRegionStatus(region.Name, region.Key, (long)region.Offset, (long)region.ByteSize))];
    }
}
