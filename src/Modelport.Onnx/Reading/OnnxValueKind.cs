namespace Modelport.Onnx;

/// <summary>The kind of value a graph input or output holds, after ONNX's TypeProto.</summary>
public enum OnnxValueKind
{
    Unknown,
    Tensor,
    SparseTensor,
    Sequence,
    Map,
    Optional,
    Opaque,
}
