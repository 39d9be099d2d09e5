using Google.Protobuf;
using Modelport.Client.SharedMemory;
using Modelport.Client.Tensors;
using Modelport.Protocol.Grpc;

namespace Modelport.Client.Grpc;

/// <summary>
/// Converts an <see cref="InferRequest"/> to a <c>ModelInferRequest</c> whose raw inputs wrap the caller's memory, and a
/// <c>ModelInferResponse</c> to an <see cref="InferResult"/> whose raw outputs are the message's own bytes.
/// </summary>
internal static class InferMessages
{
    public static ModelInferRequest ToWire(string model, InferRequest request, string? version)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(request);
        var message = new ModelInferRequest { ModelName = model, ModelVersion = version ?? string.Empty, Id = request.Id ?? string.Empty };
        GrpcParameters.Copy(request.Parameters, message.Parameters);
        foreach (var input in request.Inputs)
        {
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.Datatype.Name, Shape = { input.Shape } };
            if (input.SharedMemory is { } place)
            {
                // As Triton's clients send it: shared memory parameters, and no entry in raw_input_contents.
                GrpcParameters.Copy(place.Parameters, tensor.Parameters);
            }
            else
            {
                message.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(input.Data));
            }

            message.Inputs.Add(tensor);
        }

        foreach (var output in request.Outputs)
        {
            var tensor = new ModelInferRequest.Types.InferRequestedOutputTensor { Name = output.Name };
            GrpcParameters.Copy(output.Parameters, tensor.Parameters);
            message.Outputs.Add(tensor);
        }

        return message;
    }

    /// <summary>
    /// The result of a response. An output the request asked into shared memory (Triton does not say so in the response;
    /// Modelport echoes the parameters) has no data.
    /// </summary>
    public static InferResult FromWire(ModelInferResponse response, IEnumerable<InferRequestedOutput> requestedOutputs)
    {
        var raw = response.RawOutputContents;
        if (raw.Count > 0 && raw.Count != response.Outputs.Count)
        {
            throw Malformed($"{response.Outputs.Count} outputs but {raw.Count} raw_output_contents");
        }

        var outputs = new List<InferOutput>(response.Outputs.Count);
        for (var index = 0; index < response.Outputs.Count; index++)
        {
            var tensor = response.Outputs[index];
            var datatype = string.IsNullOrEmpty(tensor.Datatype) ? throw Malformed($"output '{tensor.Name}' has no datatype") : new TensorDataType(tensor.Datatype);
            var shape = tensor.Shape.ToArray();
            var region = SharedMemoryParameters.OutputRegion(tensor.Name, GrpcParameters.Read(tensor.Parameters), requestedOutputs);
            if (region is not null)
            {
                outputs.Add(new InferOutput(tensor.Name, datatype, shape, ReadOnlyMemory<byte>.Empty, region));
                continue;
            }

            var count = TensorShape.ElementCount(shape);
            var data = raw.Count > 0
                ? raw[index].Memory
                : TensorContentsReader.Read(tensor.Contents ?? new InferTensorContents(), datatype, count)
                    ?? throw Malformed($"output '{tensor.Name}' is {datatype}, which has no typed contents field");
            var elementSize = ElementTypes.ElementSize(datatype);
            if (elementSize > 0 && data.Length != count * elementSize)
            {
                throw Malformed($"output '{tensor.Name}' is {datatype} with shape {TensorShape.Format(shape)}, but has {data.Length} bytes");
            }

            outputs.Add(new InferOutput(tensor.Name, datatype, shape, data));
        }

        return new InferResult(
            response.ModelName,
            string.IsNullOrEmpty(response.ModelVersion) ? null : response.ModelVersion,
            string.IsNullOrEmpty(response.Id) ? null : response.Id,
            outputs,
            GrpcParameters.Read(response.Parameters));
    }

    public static InferenceServerException Malformed(string problem) =>
        new(ErrorKind.Internal, $"the server's infer response is not a valid v2 answer: {problem}", httpStatusCode: null);
}
