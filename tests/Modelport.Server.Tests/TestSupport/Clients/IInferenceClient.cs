using Modelport.Core.Configuration;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>
/// The calls both protocols offer, so one test body checks a behaviour over REST and gRPC alike. Failures throw
/// <see cref="ApiException"/>. Each implementation does its own encoding, independent of the server's code.
/// </summary>
internal interface IInferenceClient
{
    Task<ServerInfo> ServerMetadataAsync();

    Task<ModelInfo> ModelMetadataAsync(string model, string? version = null);

    /// <summary>The model's config, read into Core's message (from JSON over REST, from the wire message over gRPC).</summary>
    Task<ModelConfig> ModelConfigAsync(string model, string? version = null);

    Task<InferReply> InferAsync(InferCall call);

    /// <summary>The statistics of every ready model, of one model's ready versions, or of one version.</summary>
    Task<IReadOnlyList<ModelStats>> StatisticsAsync(string? model = null, string? version = null);

    Task<IReadOnlyList<IndexRow>> RepositoryIndexAsync(bool readyOnly = false);

    /// <summary>Loads a model; a parameter value is a string or a long.</summary>
    Task LoadAsync(string model, IReadOnlyDictionary<string, object>? parameters = null);

    Task UnloadAsync(string model);

    Task RegisterSharedMemoryAsync(string name, string key, long offset, long byteSize);

    /// <summary>Unregisters one region, or every region when <paramref name="name"/> is null.</summary>
    Task UnregisterSharedMemoryAsync(string? name = null);

    /// <summary>Every registered region, or the one named.</summary>
    Task<IReadOnlyList<SharedMemoryRegionInfo>> SharedMemoryStatusAsync(string? name = null);
}
