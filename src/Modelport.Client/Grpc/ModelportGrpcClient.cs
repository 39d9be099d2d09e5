using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Modelport.Client.Grpc;
using Modelport.Protocol.Grpc;

namespace Modelport.Client;

/// <summary>
/// A client of the v2 gRPC protocol (<c>inference.GRPCInferenceService</c>, as Triton serves it), with raw tensor
/// contents and Triton's configuration, repository and system shared memory RPCs. Thread-safe; keep one per server, as with <see cref="GrpcChannel"/>.
/// </summary>
public sealed partial class ModelportGrpcClient : IInferenceClient
{
    private readonly GrpcChannel? _ownedChannel;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient _client;

    /// <summary>A client with its own channel, disposed with this client.</summary>
    /// <param name="address">The server's gRPC address, such as <c>http://localhost:8001</c>.</param>
    /// <param name="options">Channel options; null for no message size limit and otherwise gRPC's defaults.</param>
    public ModelportGrpcClient(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        // gRPC's default 4 MiB receive limit is smaller than many tensors; the server limits what it sends.
        _ownedChannel = GrpcChannel.ForAddress(address, options ?? new GrpcChannelOptions { MaxReceiveMessageSize = null });
        _client = new GRPCInferenceService.GRPCInferenceServiceClient(_ownedChannel);
    }

    /// <summary>A client over a channel the caller keeps owning.</summary>
    /// <param name="channel">The channel to the server.</param>
    public ModelportGrpcClient(GrpcChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
    }

    /// <inheritdoc/>
    public async Task<bool> IsServerLiveAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(options => _client.ServerLiveAsync(new ServerLiveRequest(), options), cancellationToken).ConfigureAwait(false)).Live;

    /// <inheritdoc/>
    public async Task<bool> IsServerReadyAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync(options => _client.ServerReadyAsync(new ServerReadyRequest(), options), cancellationToken).ConfigureAwait(false)).Ready;

    /// <inheritdoc/>
    public async Task<bool> IsModelReadyAsync(string model, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var request = new ModelReadyRequest { Name = model, Version = version ?? string.Empty };
        try
        {
            return (await CallAsync(options => _client.ModelReadyAsync(request, options), cancellationToken).ConfigureAwait(false)).Ready;
        }
        catch (InferenceServerException exception) when (exception.ErrorKind == ErrorKind.NotFound)
        {
            // Triton answers false for a model it does not know; a server that answers NotFound means the same.
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<ServerMetadata> GetServerMetadataAsync(CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(options => _client.ServerMetadataAsync(new ServerMetadataRequest(), options), cancellationToken).ConfigureAwait(false);
        return new ServerMetadata(response.Name, response.Version, [.. response.Extensions]);
    }

    /// <inheritdoc/>
    public async Task<ModelMetadata> GetModelMetadataAsync(string model, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var request = new ModelMetadataRequest { Name = model, Version = version ?? string.Empty };
        var response = await CallAsync(options => _client.ModelMetadataAsync(request, options), cancellationToken).ConfigureAwait(false);
        return new ModelMetadata(response.Name, [.. response.Versions], response.Platform, [.. response.Inputs.Select(ToTensor)], [.. response.Outputs.Select(ToTensor)]);
    }

    /// <inheritdoc/>
    public async Task<JsonElement> GetModelConfigAsync(string model, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var request = new ModelConfigRequest { Name = model, Version = version ?? string.Empty };
        var response = await CallAsync(options => _client.ModelConfigAsync(request, options), cancellationToken).ConfigureAwait(false);
        return ConfigJson.Write(response.Config ?? new ModelConfig());
    }

    /// <inheritdoc/>
    public async Task<InferResult> InferAsync(string model, InferRequest request, string? version = null, CancellationToken cancellationToken = default)
    {
        var message = InferMessages.ToWire(model, request, version);
        var response = await CallAsync(options => _client.ModelInferAsync(message, options), cancellationToken).ConfigureAwait(false);
        return InferMessages.FromWire(response, request.Outputs);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RepositoryModel>> GetRepositoryIndexAsync(bool readyOnly = false, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(options => _client.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = readyOnly }, options), cancellationToken).ConfigureAwait(false);
        return [.. response.Models.Select(row => new RepositoryModel(row.Name, string.IsNullOrEmpty(row.Version) ? null : row.Version, row.State, row.Reason))];
    }

    /// <inheritdoc/>
    public async Task LoadModelAsync(string model, string? configJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var request = new RepositoryModelLoadRequest { ModelName = model };
        if (configJson is not null)
        {
            request.Parameters["config"] = new ModelRepositoryParameter { StringParam = configJson };
        }

        await CallAsync(options => _client.RepositoryModelLoadAsync(request, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UnloadModelAsync(string model, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        var request = new RepositoryModelUnloadRequest { ModelName = model };
        await CallAsync(options => _client.RepositoryModelUnloadAsync(request, options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the channel if this client created it.</summary>
    public void Dispose() => _ownedChannel?.Dispose();

    private static TensorMetadata ToTensor(ModelMetadataResponse.Types.TensorMetadata tensor) =>
        new(tensor.Name, new TensorDataType(tensor.Datatype), [.. tensor.Shape]);

    private static async Task<TResponse> CallAsync<TResponse>(Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
        where TResponse : IMessage
    {
        try
        {
            using var pending = call(new CallOptions(cancellationToken: cancellationToken));
            return await pending.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            throw GrpcErrors.From(exception, cancellationToken);
        }
    }
}
