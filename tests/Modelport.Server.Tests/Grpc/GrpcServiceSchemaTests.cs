using Google.Protobuf.Reflection;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Tests.Grpc;

/// <summary>Pins the names and numbers of Triton's grpc_service.proto that clients depend on; a change here breaks them.</summary>
public sealed class GrpcServiceSchemaTests
{
    public static TheoryData<string, string> Fields => new()
    {
        { "inference.ModelInferRequest", "model_name=1 model_version=2 id=3 parameters=4 inputs=5 outputs=6 raw_input_contents=7" },
        { "inference.ModelInferRequest.InferInputTensor", "name=1 datatype=2 shape=3 parameters=4 contents=5" },
        { "inference.ModelInferRequest.InferRequestedOutputTensor", "name=1 parameters=2" },
        { "inference.ModelInferResponse", "model_name=1 model_version=2 id=3 parameters=4 outputs=5 raw_output_contents=6" },
        { "inference.ModelInferResponse.InferOutputTensor", "name=1 datatype=2 shape=3 parameters=4 contents=5" },
        { "inference.InferTensorContents", "bool_contents=1 int_contents=2 int64_contents=3 uint_contents=4 uint64_contents=5 fp32_contents=6 fp64_contents=7 bytes_contents=8" },
        { "inference.InferParameter", "bool_param=1 int64_param=2 string_param=3 double_param=4 uint64_param=5" },
        { "inference.ModelStreamInferResponse", "error_message=1 infer_response=2" },
        { "inference.ServerMetadataResponse", "name=1 version=2 extensions=3" },
        { "inference.ModelMetadataRequest", "name=1 version=2" },
        { "inference.ModelMetadataResponse", "name=1 versions=2 platform=3 inputs=4 outputs=5" },
        { "inference.ModelMetadataResponse.TensorMetadata", "name=1 datatype=2 shape=3" },
        { "inference.ModelConfigResponse", "config=1" },
        { "inference.ModelStatistics", "name=1 version=2 last_inference=3 inference_count=4 execution_count=5 inference_stats=6 batch_stats=7 memory_usage=8 response_stats=9" },
        { "inference.ModelRepositoryParameter", "bool_param=1 int64_param=2 string_param=3 bytes_param=4" },
        { "inference.RepositoryIndexRequest", "repository_name=1 ready=2" },
        { "inference.RepositoryIndexResponse.ModelIndex", "name=1 version=2 state=3 reason=4" },
        { "inference.RepositoryModelLoadRequest", "repository_name=1 model_name=2 parameters=3" },
        { "inference.SystemSharedMemoryRegisterRequest", "name=1 key=2 offset=3 byte_size=4" },
        { "inference.CudaSharedMemoryRegisterRequest", "name=1 raw_handle=2 device_id=3 byte_size=4" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Messages_keep_tritons_field_names_and_numbers(string message, string fields)
    {
        var descriptor = GrpcServiceReflection.Descriptor.MessageTypes.Concat(GrpcServiceReflection.Descriptor.MessageTypes.SelectMany(type => type.NestedTypes))
            .Single(type => type.FullName == message);

        Assert.Equal(fields, string.Join(" ", descriptor.Fields.InFieldNumberOrder().Select(field => $"{field.Name}={field.FieldNumber}")));
    }

    [Fact]
    public void The_service_keeps_tritons_name_and_rpcs()
    {
        var service = GRPCInferenceService.Descriptor;

        Assert.Equal("inference.GRPCInferenceService", service.FullName);
        Assert.Equal(
            "ServerLive ServerReady ModelReady ServerMetadata ModelMetadata ModelInfer ModelStreamInfer ModelConfig ModelStatistics RepositoryIndex RepositoryModelLoad RepositoryModelUnload SystemSharedMemoryStatus SystemSharedMemoryRegister SystemSharedMemoryUnregister CudaSharedMemoryStatus CudaSharedMemoryRegister CudaSharedMemoryUnregister TraceSetting LogSettings",
            string.Join(" ", service.Methods.Select(method => method.Name)));
        Assert.True(service.FindMethodByName("ModelStreamInfer") is { IsClientStreaming: true, IsServerStreaming: true });
    }
}
