using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using Modelport.Server.Statistics;

namespace Modelport.Server.Grpc;

internal sealed partial class GrpcInferenceService
{
    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context)
    {
        // As Triton answers: a model that is unknown or not loaded is not ready, an answer rather than an error; only a
        // version that is not a number is the client's mistake.
        var acquired = models.Acquire(request.Name, VersionOf(request.Version));
        if (acquired.Error is { Kind: InferenceErrorKind.InvalidArgument } invalid)
        {
            throw invalid.ToRpcException();
        }

        if (acquired.IsSuccess)
        {
            acquired.Value.Dispose();
        }

        return Task.FromResult(new ModelReadyResponse { Ready = acquired.IsSuccess });
    }

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        var metadata = inference.GetMetadata(request.Name, VersionOf(request.Version));
        if (metadata.Error is { } error)
        {
            throw error.ToRpcException();
        }

        var model = metadata.Value;
        var response = new ModelMetadataResponse { Name = model.Name, Platform = model.Platform, Versions = { model.Versions } };
        response.Inputs.AddRange(model.Inputs.Select(ToWire));
        response.Outputs.AddRange(model.Outputs.Select(ToWire));
        return Task.FromResult(response);
    }

    public override Task<ModelConfigResponse> ModelConfig(ModelConfigRequest request, ServerCallContext context)
    {
        var config = inference.GetConfig(request.Name, VersionOf(request.Version));
        return config.Error is { } error
            ? throw error.ToRpcException()
            : Task.FromResult(new ModelConfigResponse { Config = ModelConfigs.ToWire(config.Value) });
    }

    public override Task<ModelStatisticsResponse> ModelStatistics(ModelStatisticsRequest request, ServerCallContext context)
    {
        var statistics = inference.GetStatistics(request.Name, VersionOf(request.Version));
        return statistics.Error is { } error
            ? throw error.ToRpcException()
            : Task.FromResult(StatisticsWire.ToWire(statistics.Value));
    }

    private static ModelMetadataResponse.Types.TensorMetadata ToWire(TensorMetadata tensor) =>
        new() { Name = tensor.Name, Datatype = tensor.DataType.WireName(), Shape = { tensor.Shape } };
}
