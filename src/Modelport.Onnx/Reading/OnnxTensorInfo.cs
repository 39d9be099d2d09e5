using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>
/// A graph input or output. For tensors, <see cref="Dims"/> holds -1 for every dimension
/// without a fixed size, and <see cref="DimNames"/> the symbolic name of such a dimension
/// (null where there is none). When <see cref="HasShape"/> is false the rank itself is
/// unknown and both lists are empty. Values that are not tensors have element type
/// UNDEFINED and no shape.
/// </summary>
public sealed record OnnxTensorInfo(
    string Name,
    OnnxValueKind Kind,
    DataType ElementType,
    bool HasShape,
    IReadOnlyList<long> Dims,
    IReadOnlyList<string?> DimNames);
