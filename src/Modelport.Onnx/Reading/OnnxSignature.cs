using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>The inputs a caller feeds and the outputs a model produces, in graph order.</summary>
public sealed record OnnxSignature(IReadOnlyList<OnnxTensorInfo> Inputs, IReadOnlyList<OnnxTensorInfo> Outputs)
{
    /// <summary>
    /// Reads the signature of a model's main graph. Graph inputs that are also initializers
    /// are left out: they have a default value and callers do not feed them.
    /// </summary>
    public static OnnxSignature FromModel(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new ArgumentException("The model has no graph.", nameof(model));
        var initializers = graph.Initializer.Select(t => t.Name)
            .Concat(graph.SparseInitializer.Select(t => t.Values?.Name ?? ""))
            .ToHashSet(StringComparer.Ordinal);
        return new OnnxSignature(
            [.. graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Describe)],
            [.. graph.Output.Select(Describe)]);
    }

    private static OnnxTensorInfo Describe(ValueInfoProto value)
    {
        var type = value.Type;
        var (elementType, shape) = type?.ValueCase switch
        {
            TypeProto.ValueOneofCase.TensorType => (type.TensorType.ElemType, type.TensorType.Shape),
            TypeProto.ValueOneofCase.SparseTensorType => (type.SparseTensorType.ElemType, type.SparseTensorType.Shape),
            _ => (0, null),
        };
        var dims = shape?.Dim ?? [];
        return new OnnxTensorInfo(
            value.Name,
            KindOf(type),
            (DataType)elementType,
            shape is not null,
            [.. dims.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue : -1)],
            [.. dims.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam ? d.DimParam : null)]);
    }

    private static OnnxValueKind KindOf(TypeProto? type) => type?.ValueCase switch
    {
        TypeProto.ValueOneofCase.TensorType => OnnxValueKind.Tensor,
        TypeProto.ValueOneofCase.SparseTensorType => OnnxValueKind.SparseTensor,
        TypeProto.ValueOneofCase.SequenceType => OnnxValueKind.Sequence,
        TypeProto.ValueOneofCase.MapType => OnnxValueKind.Map,
        TypeProto.ValueOneofCase.OptionalType => OnnxValueKind.Optional,
        TypeProto.ValueOneofCase.OpaqueType => OnnxValueKind.Opaque,
        _ => OnnxValueKind.Unknown,
    };
}
