using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Modelport.Protocol.Grpc;
using GrpcClient = Modelport.Protocol.Grpc.GRPCInferenceService.GRPCInferenceServiceClient;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>Triton's gRPC service, typed contents or raw contents, through the generated client stub.</summary>
internal sealed class GrpcInferenceClient(GrpcClient grpc) : IInferenceClient
{
    public async Task<ServerInfo> ServerMetadataAsync()
    {
        var response = await Call(() => grpc.ServerMetadataAsync(new ServerMetadataRequest()));
        return new(response.Name, response.Version, [.. response.Extensions]);
    }

    public async Task<ModelInfo> ModelMetadataAsync(string model, string? version = null)
    {
        var response = await Call(() => grpc.ModelMetadataAsync(new ModelMetadataRequest { Name = model, Version = version ?? string.Empty }));
        return new(response.Name, [.. response.Versions], response.Platform, Tensors(response.Inputs), Tensors(response.Outputs));
    }

    public async Task<Core.Configuration.ModelConfig> ModelConfigAsync(string model, string? version = null)
    {
        var response = await Call(() => grpc.ModelConfigAsync(new ModelConfigRequest { Name = model, Version = version ?? string.Empty }));
        return Core.Configuration.ModelConfig.Parser.ParseFrom(response.Config.ToByteString());
    }

    public async Task<InferReply> InferAsync(InferCall call)
    {
        var request = Request(call);
        var response = await Call(() => grpc.ModelInferAsync(request));
        return Reply(response);
    }

    public async Task<IReadOnlyList<ModelStats>> StatisticsAsync(string? model = null, string? version = null)
    {
        var response = await Call(() => grpc.ModelStatisticsAsync(new ModelStatisticsRequest { Name = model ?? string.Empty, Version = version ?? string.Empty }));
        return [.. response.ModelStats.Select(stats => new ModelStats(
            stats.Name,
            stats.Version,
            (long)stats.InferenceCount,
            (long)stats.ExecutionCount,
            (long)stats.InferenceStats.Success.Count,
            (long)stats.InferenceStats.Fail.Count,
            (long)stats.InferenceStats.Queue.Count,
            [.. stats.BatchStats.Select(batch => (long)batch.BatchSize)]))];
    }

    public async Task<IReadOnlyList<IndexRow>> RepositoryIndexAsync(bool readyOnly = false)
    {
        var response = await Call(() => grpc.RepositoryIndexAsync(new RepositoryIndexRequest { Ready = readyOnly }));
        return [.. response.Models.Select(row => new IndexRow(row.Name, row.Version.Length == 0 ? null : row.Version, row.State, row.Reason))];
    }

    public async Task LoadAsync(string model, IReadOnlyDictionary<string, object>? parameters = null)
    {
        var request = new RepositoryModelLoadRequest { ModelName = model };
        foreach (var (key, value) in parameters ?? new Dictionary<string, object>())
        {
            request.Parameters[key] = value is string text ? new ModelRepositoryParameter { StringParam = text } : new ModelRepositoryParameter { Int64Param = (long)value };
        }

        await Call(() => grpc.RepositoryModelLoadAsync(request));
    }

    public async Task UnloadAsync(string model) => await Call(() => grpc.RepositoryModelUnloadAsync(new RepositoryModelUnloadRequest { ModelName = model }));

    public async Task RegisterSharedMemoryAsync(string name, string key, long offset, long byteSize) =>
        await Call(() => grpc.SystemSharedMemoryRegisterAsync(new SystemSharedMemoryRegisterRequest { Name = name, Key = key, Offset = (ulong)offset, ByteSize = (ulong)byteSize }));

    public async Task UnregisterSharedMemoryAsync(string? name = null) =>
        await Call(() => grpc.SystemSharedMemoryUnregisterAsync(new SystemSharedMemoryUnregisterRequest { Name = name ?? string.Empty }));

    public async Task<IReadOnlyList<SharedMemoryRegionInfo>> SharedMemoryStatusAsync(string? name = null)
    {
        var response = await Call(() => grpc.SystemSharedMemoryStatusAsync(new SystemSharedMemoryStatusRequest { Name = name ?? string.Empty }));
        return [.. response.Regions.Values.Select(region => new SharedMemoryRegionInfo(region.Name, region.Key, (long)region.Offset, (long)region.ByteSize))];
    }

    /// <summary>
    /// The wire request of a call: raw contents in the binary form, else typed contents. A request cannot mix the two, so
    /// one FP16 or BF16 input (no typed field) sends every input raw. An input in shared memory has neither, as in Triton's
    /// clients: raw_input_contents holds only the other inputs.
    /// </summary>
    public static ModelInferRequest Request(InferCall call)
    {
        var raw = call.Binary || call.Inputs.Any(input => !TypedContentsCodec.HasField(input.Datatype));
        var request = new ModelInferRequest { ModelName = call.Model, ModelVersion = call.Version ?? string.Empty, Id = call.Id ?? string.Empty };
        foreach (var (name, value) in call.Parameters)
        {
            request.Parameters[name] = value is bool flag ? new InferParameter { BoolParam = flag } : new InferParameter { Int64Param = (long)value };
        }

        foreach (var input in call.Inputs)
        {
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.Datatype, Shape = { input.Shape } };
            if (call.SharedMemory.TryGetValue(input.Name, out var place))
            {
                AddSharedMemory(tensor.Parameters, place);
            }
            else if (raw)
            {
                request.RawInputContents.Add(ByteString.CopyFrom(input.Data));
            }
            else
            {
                tensor.Contents = TypedContentsCodec.ToContents(input);
            }

            request.Inputs.Add(tensor);
        }

        foreach (var name in call.Outputs ?? [])
        {
            var output = new ModelInferRequest.Types.InferRequestedOutputTensor { Name = name };
            if (call.SharedMemory.TryGetValue(name, out var place))
            {
                AddSharedMemory(output.Parameters, place);
            }

            request.Outputs.Add(output);
        }

        return request;
    }

    public static InferReply Reply(ModelInferResponse response)
    {
        var raw = response.RawOutputContents.Count > 0;
        var outputs = response.Outputs.Select((output, index) =>
        {
            var place = output.Parameters.TryGetValue("shared_memory_region", out var region)
                ? new SharedMemoryPlace(region.StringParam, output.Parameters["shared_memory_offset"].Int64Param, output.Parameters["shared_memory_byte_size"].Int64Param)
                : null;
            var data = raw ? response.RawOutputContents[index].ToByteArray() : place is null ? TypedContentsCodec.FromContents(output.Datatype, output.Contents) : [];
            return new Tensor(output.Name, output.Datatype, [.. output.Shape], data) { SharedMemory = place };
        });
        return new(response.ModelName, response.ModelVersion, response.Id.Length == 0 ? null : response.Id, [.. outputs], raw);
    }

    public static ApiError ErrorOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => ApiError.InvalidArgument,
        StatusCode.NotFound => ApiError.NotFound,
        StatusCode.AlreadyExists => ApiError.AlreadyExists,
        StatusCode.Unavailable => ApiError.Unavailable,
        StatusCode.Unimplemented => ApiError.Unimplemented,
        _ => ApiError.Other,
    };

    private static void AddSharedMemory(MapField<string, InferParameter> parameters, SharedMemoryPlace place)
    {
        parameters["shared_memory_region"] = new InferParameter { StringParam = place.Region };
        parameters["shared_memory_offset"] = new InferParameter { Int64Param = place.Offset };
        parameters["shared_memory_byte_size"] = new InferParameter { Int64Param = place.ByteSize };
    }

    private static async Task<T> Call<T>(Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException exception)
        {
            throw new ApiException(ErrorOf(exception.StatusCode), exception.Status.Detail);
        }
    }

    private static TensorInfo[] Tensors(IEnumerable<ModelMetadataResponse.Types.TensorMetadata> tensors) =>
        [.. tensors.Select(tensor => new TensorInfo(tensor.Name, tensor.Datatype, [.. tensor.Shape]))];
}
