using Google.Protobuf.Collections;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Grpc;

/// <summary>
/// Translates a <c>ModelInferRequest</c> into the core's request. Raw inputs are the request's own bytes, not copies;
/// typed contents are converted after their element count has been checked against the shape.
/// </summary>
internal static class InferRequests
{
    private const string SharedMemoryRegion = "shared_memory_region";

    public static Result<InferenceRequest> ToCore(ModelInferRequest request)
    {
        var raw = request.RawInputContents;
        if (raw.Count > 0 && raw.Count != request.Inputs.Count)
        {
            return InferenceError.InvalidArgument(
                $"the request for model '{request.ModelName}' has {request.Inputs.Count} inputs but {raw.Count} raw_input_contents; raw_input_contents needs one entry per input, in the order of inputs");
        }

        var parameters = GrpcParameters.ToCore(request.Parameters, "request");
        if (parameters.Error is { } badParameter)
        {
            return badParameter;
        }

        var inputs = new InferenceTensor[request.Inputs.Count];
        for (var index = 0; index < inputs.Length; index++)
        {
            var input = ToCore(request, index);
            if (input.Error is { } badInput)
            {
                return badInput;
            }

            inputs[index] = input.Value;
        }

        List<RequestedOutput>? outputs = null;
        foreach (var output in request.Outputs)
        {
            var outputParameters = GrpcParameters.ToCore(output.Parameters, $"output '{output.Name}'");
            if (outputParameters.Error is { } badOutput)
            {
                return badOutput;
            }

            if (SharedMemoryError($"output '{output.Name}'", output.Parameters) is { } sharedMemory)
            {
                return sharedMemory;
            }

            (outputs ??= []).Add(new RequestedOutput(output.Name) { Parameters = outputParameters.Value });
        }

        return new InferenceRequest
        {
            ModelName = request.ModelName,
            ModelVersion = request.ModelVersion.Length == 0 ? null : request.ModelVersion,
            Id = request.Id.Length == 0 ? null : request.Id,
            Inputs = inputs,
            Outputs = outputs,
            Parameters = parameters.Value,
        };
    }

    private static Result<InferenceTensor> ToCore(ModelInferRequest request, int index)
    {
        var input = request.Inputs[index];
        if (input.Name.Length == 0)
        {
            return InferenceError.InvalidArgument($"input {index} of the request for model '{request.ModelName}' has no name");
        }

        var subject = $"input '{input.Name}' of model '{request.ModelName}'";
        if (!DataTypes.TryParseWireName(input.Datatype, out var type))
        {
            return InferenceError.InvalidArgument($"{subject} has datatype '{input.Datatype}', which is not one of {DataTypes.AllWireNames}");
        }

        long[] shape = [.. input.Shape];
        if (shape.Any(dimension => dimension < 0))
        {
            return InferenceError.InvalidArgument($"{subject}: every 'shape' dimension must be an integer of 0 or more, not {TensorShape.Format(shape)}");
        }

        if (SharedMemoryError(subject, input.Parameters) is { } sharedMemory)
        {
            return sharedMemory;
        }

        if (request.RawInputContents.Count > 0)
        {
            // The core's validator checks the raw size against the shape; nothing is allocated here.
            return input.Contents is null
                ? new InferenceTensor(input.Name, type, shape, request.RawInputContents[index].Memory)
                : InferenceError.InvalidArgument($"{subject} has contents, which must stay unset when the request uses raw_input_contents");
        }

        var elementCount = TensorShape.ElementCount(shape);
        if (elementCount is null)
        {
            return InferenceError.InvalidArgument($"{subject} has shape {TensorShape.Format(shape)}, whose element count overflows");
        }

        if (input.Contents is null && elementCount > 0)
        {
            return InferenceError.InvalidArgument($"{subject} has no data: neither contents nor raw_input_contents");
        }

        var data = TensorContents.Read(input.Contents ?? new InferTensorContents(), type, elementCount.Value, subject);
        return data.Error is { } badData ? badData : new InferenceTensor(input.Name, type, shape, data.Value);
    }

    private static InferenceError? SharedMemoryError(string subject, MapField<string, InferParameter> parameters) =>
        parameters.ContainsKey(SharedMemoryRegion)
            ? InferenceError.Unsupported($"{subject} refers to a shared memory region, and shared memory is not supported yet; send the tensor in the request")
            : null;

    /// <summary>
    /// Whether the response carries raw outputs. Triton answers gRPC with raw outputs only; Modelport answers in the form the
    /// inputs came in (Triton's clients send raw, so they get raw), unless a requested output's <c>binary_data</c> parameter
    /// says otherwise. One response cannot mix the forms, so any output asking for binary makes all of them raw.
    /// </summary>
    public static bool WantsRawOutputs(ModelInferRequest request)
    {
        bool[] asked = [.. request.Outputs.Select(output => GrpcParameters.Bool(output.Parameters, "binary_data")).OfType<bool>()];
        return asked.Length > 0 ? asked.Contains(true) : request.RawInputContents.Count > 0;
    }
}
