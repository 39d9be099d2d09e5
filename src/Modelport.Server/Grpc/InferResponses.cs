using Google.Protobuf;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Grpc;

/// <summary>
/// Translates the core's response into a <c>ModelInferResponse</c>. Raw outputs wrap the response's memory without a copy,
/// so the response must stay undisposed until the message is serialised.
/// </summary>
internal static class InferResponses
{
    public static ModelInferResponse ToWire(InferenceResponse response, bool raw)
    {
        // FP16 and BF16 have no typed field, and one response cannot mix the forms.
        raw |= response.Outputs.Any(output => !TensorContents.HasField(output.DataType));
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
            if (raw)
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
