using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Protocol.Grpc;
using Modelport.Server.SharedMemory;
using Modelport.Server.Tracing;

namespace Modelport.Server.Grpc;

internal sealed partial class GrpcInferenceService
{
    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        var result = await InferAsync(request, context).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw error.ToRpcException();
        }

        // Raw outputs point into the response's memory, which must live until gRPC has written the message; the shared
        // memory the request used is released after it too.
        var (message, response, requestSharedMemory) = result.Value;
        var httpResponse = context.GetHttpContext().Response;
        httpResponse.RegisterForDispose(response);
        httpResponse.RegisterForDispose(requestSharedMemory);
        return message;
    }

    public override async Task ModelStreamInfer(
        IAsyncStreamReader<ModelInferRequest> requestStream, IServerStreamWriter<ModelStreamInferResponse> responseStream, ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            var result = await InferAsync(request, context).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                // One failed request is answered in its place; the stream goes on.
                var failed = new ModelInferResponse { ModelName = request.ModelName, ModelVersion = request.ModelVersion, Id = request.Id };
                await responseStream.WriteAsync(new ModelStreamInferResponse { ErrorMessage = error.Message, InferResponse = failed }).ConfigureAwait(false);
                continue;
            }

            var (message, response, requestSharedMemory) = result.Value;
            using (requestSharedMemory)
            using (response)
            {
                await responseStream.WriteAsync(new ModelStreamInferResponse { InferResponse = message }).ConfigureAwait(false);
            }
        }
    }

    private async Task<Result<(ModelInferResponse Message, InferenceResponse Response, SharedMemoryBindings SharedMemory)>> InferAsync(
        ModelInferRequest request, ServerCallContext context)
    {
        var requestSharedMemory = new SharedMemoryBindings(sharedMemory);
        InferenceResponse? response = null;
        var handedOver = false;
        try
        {
            var converted = InferRequests.ToCore(request, requestSharedMemory);
            if (converted.Error is { } invalid)
            {
                return invalid;
            }

            var result = await inference.InferTracedAsync(
                converted.Value, InferenceTracing.KServeGrpc, context.GetHttpContext().Request, context.CancellationToken).ConfigureAwait(false);
            if (result.Error is { } failed)
            {
                return failed;
            }

            response = result.Value;
            if (requestSharedMemory.WriteOutputs(response) is { } unwritable)
            {
                return unwritable;
            }

            var message = InferResponses.ToWire(response, InferRequests.WantsRawOutputs(request), requestSharedMemory);
            handedOver = true;
            return (message, response, requestSharedMemory);
        }
        finally
        {
            if (!handedOver)
            {
                response?.Dispose();
                requestSharedMemory.Dispose();
            }
        }
    }
}
