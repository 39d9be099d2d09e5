using System.Text.Json;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TfServing;

internal static partial class PredictRequestReader
{
    /// <summary>
    /// The columnar format: the value of the single input, or an object from input name to value. Each value is the
    /// whole tensor, its shape that of its nested lists; inputs need not share dimension 0.
    /// </summary>
    private static List<InferenceTensor> ReadInputs(ref Utf8JsonReader reader, ModelTarget model, int jsonLength, PooledBuffers buffers)
    {
        if (!IsNamedObject(ref reader))
        {
            if (model.Signature.Inputs.Count != 1)
            {
                throw new RequestFormatException(
                    $"'inputs' is not an object, but model '{model.Name}' has {model.Signature.Inputs.Count} inputs ({model.InputNames}); " +
                    "'inputs' must be an object that names them");
            }

            return [ReadTensor(ref reader, model.Signature.Inputs[0], jsonLength, buffers)];
        }

        var tensors = new List<InferenceTensor>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var input = FindInput(model, reader.GetString()!, "'inputs'");
            if (tensors.Exists(tensor => tensor.Name == input.Name))
            {
                throw new RequestFormatException($"'inputs' names '{input.Name}' twice");
            }

            reader.Read();
            tensors.Add(ReadTensor(ref reader, input, jsonLength, buffers));
        }

        return tensors;
    }

    private static InferenceTensor ReadTensor(ref Utf8JsonReader reader, TensorSpec input, int jsonLength, PooledBuffers buffers) =>
        TensorBuilder.ReadWhole(ref reader, input, $"'inputs' input '{input.Name}'", jsonLength, buffers);
}
