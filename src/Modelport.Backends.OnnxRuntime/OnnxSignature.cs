using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>The inputs and outputs of a loaded session, in the graph's order.</summary>
internal sealed record OnnxSignature(IReadOnlyList<OnnxTensor> Inputs, IReadOnlyList<OnnxTensor> Outputs)
{
    /// <summary>
    /// Reads the session's signature. Throws <see cref="ModelLoadException"/> for a tensor the v2 protocol cannot
    /// carry: a sequence, map, optional or sparse value, or an element type without a v2 data type.
    /// </summary>
    public static OnnxSignature Read(InferenceSession session, string modelName) =>
        new(
            Read(session.InputNames, session.InputMetadata, "input", modelName),
            Read(session.OutputNames, session.OutputMetadata, "output", modelName));

    private static OnnxTensor[] Read(
        IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata, string kind, string modelName)
    {
        var tensors = new OnnxTensor[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var node = metadata[name];
            if (node.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR)
            {
                throw new ModelLoadException(
                    $"model '{modelName}': {kind} '{name}' is of ONNX type {node.OnnxValueType}; only dense tensors can be served");
            }

            if (!ElementTypes.TryFromOnnx(node.ElementDataType, out var type))
            {
                throw new ModelLoadException(
                    $"model '{modelName}': {kind} '{name}' has element type {node.ElementDataType}, which has no v2 data type");
            }

            tensors[i] = new OnnxTensor(name, type, Array.ConvertAll(node.Dimensions, dimension => (long)dimension));
        }

        return tensors;
    }
}
