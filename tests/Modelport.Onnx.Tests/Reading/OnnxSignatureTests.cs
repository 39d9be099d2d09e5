using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx.Tests.Reading;

public sealed class OnnxSignatureTests
{
    [Fact]
    public void FromModel_ReadsConformanceModel()
    {
        var signature = OnnxSignature.FromModel(OnnxModelFile.Read(Path.Combine(TestPaths.NodeTest("test_add"), "model.onnx")));

        Assert.Equal(["x", "y"], signature.Inputs.Select(i => i.Name));
        var sum = Assert.Single(signature.Outputs);
        Assert.Equal("sum", sum.Name);
        Assert.Equal(OnnxValueKind.Tensor, sum.Kind);
        Assert.Equal(DataType.Float, sum.ElementType);
        Assert.True(sum.HasShape);
        Assert.Equal([3L, 4L, 5L], sum.Dims);
        Assert.Equal([null, null, null], sum.DimNames);
    }

    [Fact]
    public void FromModel_LeavesOutInitializers_AndReadsSymbolicDims()
    {
        var model = new OnnxModelBuilder("g")
            .Opset(17)
            .Input("x", DataType.Float, "batch", -1, 3)
            .Input("bias", DataType.Float, 3)
            .Initializer<float>("bias", [1f, 2f, 3f], 3)
            .Node("Add", ["x", "bias"], ["y"])
            .Output("y", DataType.Float, "batch", -1, 3)
            .Build();

        var signature = OnnxSignature.FromModel(model);

        var x = Assert.Single(signature.Inputs);
        Assert.Equal("x", x.Name);
        Assert.Equal([-1L, -1L, 3L], x.Dims);
        Assert.Equal(["batch", null, null], x.DimNames);
    }

    [Fact]
    public void FromModel_UnknownRank_HasNoShape()
    {
        var model = new OnnxModelBuilder("g").Opset(17)
            .Input("x", DataType.Int64).Node("Identity", ["x"], ["y"]).Output("y", DataType.Int64).Build();
        model.Graph.Input[0].Type.TensorType.Shape = null;

        var x = Assert.Single(OnnxSignature.FromModel(model).Inputs);

        Assert.False(x.HasShape);
        Assert.Empty(x.Dims);
        Assert.Equal(DataType.Int64, x.ElementType);
    }

    [Fact]
    public void FromModel_SequenceInput_IsNotATensor()
    {
        var signature = OnnxSignature.FromModel(OnnxModelFile.Read(Path.Combine(TestPaths.NodeTest("test_sequence_insert_at_back"), "model.onnx")));

        var sequence = signature.Inputs[0];
        Assert.Equal(OnnxValueKind.Sequence, sequence.Kind);
        Assert.Equal(DataType.Undefined, sequence.ElementType);
        Assert.False(sequence.HasShape);
        Assert.Equal(OnnxValueKind.Tensor, signature.Inputs[1].Kind);
    }

    [Fact]
    public void FromModel_WithoutGraph_Throws()
    {
        Assert.Throws<ArgumentException>(() => OnnxSignature.FromModel(new ModelProto()));
    }
}
