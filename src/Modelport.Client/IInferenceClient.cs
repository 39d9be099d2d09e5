using System.Text.Json;

namespace Modelport.Client;

/// <summary>
/// A client of a KServe v2 / Open Inference Protocol server, whichever transport it uses: <see cref="ModelportHttpClient"/>
/// or <see cref="ModelportGrpcClient"/>. Every call throws <see cref="InferenceServerException"/> when the server refuses
/// or fails the request or cannot be reached, and <see cref="OperationCanceledException"/> when the token is cancelled.
/// </summary>
public interface IInferenceClient : IDisposable
{
    /// <summary>Whether the server process is live.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> IsServerLiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the server is ready for inference.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> IsServerReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether a model (version) is ready for inference; false also when there is no such model.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="version">A version, or null for the server's choice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> IsModelReadyAsync(string model, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>The server's name, version and protocol extensions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ServerMetadata> GetServerMetadataAsync(CancellationToken cancellationToken = default);

    /// <summary>A model's versions, platform, inputs and outputs.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="version">A version, or null for the server's choice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ModelMetadata> GetModelMetadataAsync(string model, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A model's configuration as JSON, with Triton's <c>ModelConfig</c> field names (<c>max_batch_size</c>, <c>input</c>,
    /// <c>data_type</c>, ...), as the HTTP configuration extension returns it.
    /// </summary>
    /// <param name="model">The model's name.</param>
    /// <param name="version">A version, or null for the server's choice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<JsonElement> GetModelConfigAsync(string model, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>Runs one inference request.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="request">The inputs, requested outputs, id and parameters.</param>
    /// <param name="version">A version, or null for the server's choice.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<InferResult> InferAsync(string model, InferRequest request, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>The models of the server's repository with their state.</summary>
    /// <param name="readyOnly">Only the models that are ready.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<RepositoryModel>> GetRepositoryIndexAsync(bool readyOnly = false, CancellationToken cancellationToken = default);

    /// <summary>Loads or reloads a model (repository extension; the server must run with explicit model control).</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="configJson">A model configuration as JSON to use instead of the repository's, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task LoadModelAsync(string model, string? configJson = null, CancellationToken cancellationToken = default);

    /// <summary>Unloads a model (repository extension).</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UnloadModelAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a system shared memory region (Triton's shared memory extension; the server must run on this host), so
    /// that requests can refer to it by name: <see cref="InferInput.FromSharedMemory"/>, <see cref="InferRequestedOutput.ToSharedMemory"/>.
    /// </summary>
    /// <param name="name">The name requests will refer to the region by; registering a name twice is an error.</param>
    /// <param name="key">The key of the shared memory object, such as <c>/input_data</c> (<see cref="SystemSharedMemoryRegion.Key"/>).</param>
    /// <param name="byteSize">The region's size in bytes.</param>
    /// <param name="offset">Where the region starts in the object, in bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RegisterSystemSharedMemoryAsync(string name, string key, long byteSize, long offset = 0, CancellationToken cancellationToken = default);

    /// <summary>Unregisters a system shared memory region, or every one; requests using it finish first. An unknown name is no error.</summary>
    /// <param name="name">The region's name, or null for every region.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task UnregisterSystemSharedMemoryAsync(string? name = null, CancellationToken cancellationToken = default);

    /// <summary>The registered system shared memory regions, or the one named (an error when it is not registered).</summary>
    /// <param name="name">A region's name, or null for every region.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<SharedMemoryRegionStatus>> GetSystemSharedMemoryStatusAsync(string? name = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cumulative request and execution statistics per model version (Triton's statistics extension): one entry per
    /// version, for every model when <paramref name="model"/> is null. A server without the extension answers
    /// <see cref="ErrorKind.NotFound"/> (HTTP) or <see cref="ErrorKind.Unimplemented"/> (gRPC).
    /// </summary>
    /// <param name="model">A model's name, or null for every model.</param>
    /// <param name="version">A version of that model, or null for every version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ModelStatistics>> GetModelStatisticsAsync(string? model = null, string? version = null, CancellationToken cancellationToken = default);
}
