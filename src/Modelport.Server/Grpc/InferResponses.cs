using Google.Protobuf;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.Grpc;

/// <summary>
/// Translates the core's response into a <c>ModelInferResponse</c>. Raw outputs wrap the response's memory without a copy,
/// so the response must stay undisposed until the message is serialised. An output written to shared memory carries its
/// datatype, shape and shared memory parameters but no data.
/// </summary>
internal static class InferResponses
{
    public static ModelInferResponse ToWire(InferenceResponse response, bool raw, SharedMemoryBindings sharedMemory)
    {
        // FP16 and BF16 have no typed field, and one response cannot mix the forms.
        raw |= response.Outputs.Any(output => !TensorContents.HasField(output.DataType) && sharedMemory.OutputReference(output.Name) is null);
        var message = new ModelInferResponse
        {
            ModelName = response.ModelName,
            ModelVersion = response.ModelVersion,
            Id = response.Id ?? string.Empty,
        };
        foreach (var output in response.Outputs)
        {
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = output.Name, Datatype = output.DataType.WireName() };
            tensor.Shape.AddRange(output.Shape);
            if (sharedMemory.OutputReference(output.Name) is { } shared)
            {
                tensor.Parameters[SharedMemoryParameters.Region] = new InferParameter { StringParam = shared.Region };
                tensor.Parameters[SharedMemoryParameters.Offset] = new InferParameter { Int64Param = shared.Offset };
                tensor.Parameters[SharedMemoryParameters.ByteSize] = new InferParameter { Int64Param = output.Data.Length };
                if (raw)
                {
                    // Triton keeps raw_output_contents in step with outputs: an empty entry for an output in shared memory.
                    message.RawOutputContents.Add(ByteString.Empty);
                }
            }
            else if (raw)
            {
                message.RawOutputContents.Add(UnsafeByteOperations.UnsafeWrap(output.Data));
            }
            else
            {
                tensor.Contents = TensorContents.Write(output.DataType, output.Data);
            }

            message.Outputs.Add(tensor);
        }

        return message;
    }
}
