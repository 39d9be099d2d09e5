using Modelport.Onnx;
using Modelport.Onnx.Proto;
using DataType = Modelport.Core.Tensors.DataType;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Backends.OnnxRuntime.Tests;

/// <summary>Small graphs built in code for the tests.</summary>
internal static class TestModels
{
    public static OnnxType OnnxTypeOf(DataType type) => type switch
    {
        DataType.Bool => OnnxType.Bool,
        DataType.UInt8 => OnnxType.Uint8,
        DataType.UInt16 => OnnxType.Uint16,
        DataType.UInt32 => OnnxType.Uint32,
        DataType.UInt64 => OnnxType.Uint64,
        DataType.Int8 => OnnxType.Int8,
        DataType.Int16 => OnnxType.Int16,
        DataType.Int32 => OnnxType.Int32,
        DataType.Int64 => OnnxType.Int64,
        DataType.Fp16 => OnnxType.Float16,
        DataType.Bf16 => OnnxType.Bfloat16,
        DataType.Fp32 => OnnxType.Float,
        DataType.Fp64 => OnnxType.Double,
        DataType.Bytes => OnnxType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>y = x, both of shape ["batch"].</summary>
    public static ModelProto Identity(DataType type) =>
        new OnnxModelBuilder("identity")
            .Opset(17)
            .Input("x", OnnxTypeOf(type), "batch")
            .Output("y", OnnxTypeOf(type), "batch")
            .Node("Identity", ["x"], ["y"])
            .Build();

    /// <summary>sum = a + b over FP32 tensors of any shape that broadcast.</summary>
    public static ModelProto Add(params OnnxDim[] dims) =>
        new OnnxModelBuilder("add")
            .Opset(17)
            .Input("a", OnnxType.Float, dims)
            .Input("b", OnnxType.Float, dims)
            .Output("sum", OnnxType.Float, dims)
            .Node("Add", ["a", "b"], ["sum"])
            .Build();

    /// <summary>
    /// x multiplied <paramref name="count"/> times by a [size,size] matrix: slow enough to cancel midway. Outputs the
    /// first product y1, which ORT computes alone when it is the only output asked for, and the last one.
    /// </summary>
    public static ModelProto MatMulChain(int size, int count)
    {
        var builder = new OnnxModelBuilder("chain")
            .Opset(17)
            .Input("x", OnnxType.Float, size, size)
            .Output("y1", OnnxType.Float, size, size)
            .Output($"y{count}", OnnxType.Float, size, size)
            .Initializer<float>("w", new float[size * size], size, size);
        for (var i = 1; i <= count; i++)
        {
            builder.Node("MatMul", [i == 1 ? "x" : $"y{i - 1}", "w"], [$"y{i}"]);
        }

        return builder.Build();
    }

    /// <summary>A graph whose output "items" is a sequence of tensors, which the v2 protocol cannot carry.</summary>
    public static ModelProto SequenceOutput()
    {
        var model = new OnnxModelBuilder("sequence")
            .Opset(17)
            .Input("x", OnnxType.Float, 2)
            .Output("items", OnnxType.Float, 2)
            .Node("SequenceConstruct", ["x"], ["items"])
            .Build();
        var element = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)OnnxType.Float } };
        model.Graph.Output[0].Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = element } };
        return model;
    }
}
