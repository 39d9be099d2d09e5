using Modelport.Core.Tensors;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>An input or output as the ONNX graph declares it; -1 marks a dimension the graph leaves free (or symbolic).</summary>
internal sealed record OnnxTensor(string Name, DataType DataType, long[] Dims)
{
    public bool HasVariableFirstDimension => Dims.Length > 0 && Dims[0] < 0;
}
