using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using Modelport.Server.SharedMemory;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Grpc;

/// <summary>
/// Translates a <c>ModelInferRequest</c> into the core's request. Raw inputs are the request's own bytes and inputs in
/// shared memory point into their regions, not copies; typed contents are converted after their element count has been
/// checked against the shape.
/// </summary>
internal static class InferRequests
{
    public static Result<InferenceRequest> ToCore(ModelInferRequest request, SharedMemoryBindings sharedMemory)
    {
        var parameters = GrpcParameters.ToCore(request.Parameters, "request");
        if (parameters.Error is { } badParameter)
        {
            return badParameter;
        }

        var references = new SharedMemoryReference?[request.Inputs.Count];
        for (var index = 0; index < references.Length; index++)
        {
            var reference = SharedMemoryReferenceOf(request, index);
            if (reference.Error is { } badReference)
            {
                return badReference;
            }

            references[index] = reference.Value;
        }

        // As in Triton, an input in shared memory has no entry in raw_input_contents.
        var raw = request.RawInputContents;
        var inRequest = references.Count(reference => reference is null);
        if (raw.Count > 0 && raw.Count != inRequest)
        {
            return InferenceError.InvalidArgument(
                $"the request for model '{request.ModelName}' has {inRequest} inputs outside shared memory but {raw.Count} raw_input_contents; raw_input_contents needs one entry per such input, in the order of inputs");
        }

        var inputs = new InferenceTensor[request.Inputs.Count];
        var rawIndex = 0;
        for (var index = 0; index < inputs.Length; index++)
        {
            if (references[index] is { } reference)
            {
                var placeholder = ToPlaceholder(request, index);
                if (placeholder.Error is { } badShared)
                {
                    return badShared;
                }

                inputs[index] = placeholder.Value;
                sharedMemory.AddInput(index, reference);
                continue;
            }

            var input = ToCore(request, index, raw.Count > 0 ? rawIndex++ : null);
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

            (outputs ??= []).Add(new RequestedOutput(output.Name) { Parameters = outputParameters.Value });
        }

        return sharedMemory.Bind(new InferenceRequest
        {
            ModelName = request.ModelName,
            ModelVersion = request.ModelVersion.Length == 0 ? null : request.ModelVersion,
            Id = request.Id.Length == 0 ? null : request.Id,
            Inputs = inputs,
            Outputs = outputs,
            Parameters = parameters.Value,
        });
    }

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

    private static Result<SharedMemoryReference?> SharedMemoryReferenceOf(ModelInferRequest request, int index)
    {
        var input = request.Inputs[index];
        var subject = $"input '{input.Name}' of model '{request.ModelName}'";
        var parameters = GrpcParameters.ToCore(input.Parameters, subject);
        if (parameters.Error is { } badParameter)
        {
            return badParameter;
        }

        var reference = SharedMemoryReference.From(parameters.Value, subject);
        return reference.Value is not null && input.Contents is not null
            ? InferenceError.InvalidArgument($"{subject} has contents and shared memory parameters; its data must come from one of them")
            : reference;
    }

    /// <summary>An input whose data is in shared memory: the bindings fill its data in.</summary>
    private static Result<InferenceTensor> ToPlaceholder(ModelInferRequest request, int index)
    {
        var header = Header(request, index);
        return header.Error is { } badHeader ? badHeader : new InferenceTensor(request.Inputs[index].Name, header.Value.Type, header.Value.Shape, ReadOnlyMemory<byte>.Empty);
    }

    private static Result<InferenceTensor> ToCore(ModelInferRequest request, int index, int? rawIndex)
    {
        var header = Header(request, index);
        if (header.Error is { } badHeader)
        {
            return badHeader;
        }

        var input = request.Inputs[index];
        var (type, shape, subject) = header.Value;
        if (rawIndex is { } raw)
        {
            // The core's validator checks the raw size against the shape; nothing is allocated here.
            return input.Contents is null
                ? new InferenceTensor(input.Name, type, shape, request.RawInputContents[raw].Memory)
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

    private static Result<(DataType Type, long[] Shape, string Subject)> Header(ModelInferRequest request, int index)
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
        return shape.Any(dimension => dimension < 0)
            ? InferenceError.InvalidArgument($"{subject}: every 'shape' dimension must be an integer of 0 or more, not {TensorShape.Format(shape)}")
            : (type, shape, subject);
    }
}
