using Google.Protobuf;
using Modelport.Onnx.Proto;
using AttributeType = Modelport.Onnx.Proto.AttributeProto.Types.AttributeType;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx.Tests.Building;

public sealed class OnnxModelBuilderTests
{
    [Fact]
    public void Build_SetsModelFields()
    {
        var model = Scale().Build();

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("modelport", model.ProducerName);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal("", opset.Domain);
        Assert.Equal(17, opset.Version);
        Assert.Equal("scale", model.Graph.Name);
        Assert.Equal(["Mul_0"], model.Graph.Node.Select(n => n.Name));
    }

    [Fact]
    public void Build_WritesDims()
    {
        var input = Scale().Build().Graph.Input[0].Type.TensorType;

        Assert.Equal((int)DataType.Float, input.ElemType);
        var dims = input.Shape.Dim;
        Assert.Equal("batch", dims[0].DimParam);
        Assert.Equal(TensorShapeProto.Types.Dimension.ValueOneofCase.None, dims[1].ValueCase);
        Assert.Equal(TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue, dims[2].ValueCase);
        Assert.Equal(0, dims[2].DimValue);
        Assert.Equal(4, dims[3].DimValue);
    }

    [Fact]
    public void Build_WritesAttributes()
    {
        var weights = OnnxTensorData.FromValues<float>("w", [1f], [1]);
        var model = new OnnxModelBuilder("g").Opset(17)
            .Input("x", DataType.Float, 1)
            .Node(
                "Custom",
                ["x"],
                ["y"],
                OnnxAttribute.Int("i", 0),
                OnnxAttribute.Float("f", 0.5f),
                OnnxAttribute.String("s", "text"),
                OnnxAttribute.Ints("is", 1, -1),
                OnnxAttribute.Floats("fs", 1.5f),
                OnnxAttribute.Tensor("t", weights))
            .Output("y", DataType.Float, 1)
            .Build();

        var attributes = model.Graph.Node[0].Attribute;
        Assert.Equal(
            [AttributeType.Int, AttributeType.Float, AttributeType.String, AttributeType.Ints, AttributeType.Floats, AttributeType.Tensor],
            attributes.Select(a => a.Type));
        Assert.Equal(0.5f, attributes[1].F);
        Assert.Equal("text", attributes[2].S.ToStringUtf8());
        Assert.Equal([1L, -1L], attributes[3].Ints);
        Assert.Equal([1.5f], attributes[4].Floats);
        Assert.Equal(weights, attributes[5].T);
    }

    [Fact]
    public void Build_WritesInitializersAsRawData()
    {
        var factor = Assert.Single(Scale().Build().Graph.Initializer);

        Assert.Equal("factor", factor.Name);
        Assert.Empty(factor.Dims);
        Assert.Equal((int)DataType.Float, factor.DataType);
        Assert.Equal("00000040", Convert.ToHexString(factor.RawData.Span));
    }

    [Fact]
    public void WriteTo_SameCallsGiveSameBytes_AndReadBack()
    {
        using var directory = new TempDirectory();
        string first = Path.Combine(directory.Path, "a.onnx");
        string second = Path.Combine(directory.Path, "b.onnx");

        Scale().WriteTo(first);
        Scale().WriteTo(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(Scale().Build(), OnnxModelFile.Read(first));
    }

    [Fact]
    public void Build_ReturnsIndependentModels()
    {
        var builder = Scale();
        var model = builder.Build();

        model.Graph.Node.Clear();

        Assert.Single(builder.Build().Graph.Node);
    }

    [Fact]
    public void Build_WithoutOpset_Throws()
    {
        var builder = new OnnxModelBuilder("g").Input("x", DataType.Float, 1).Output("x", DataType.Float, 1);

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("imports no operator set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNames_Throw()
    {
        Assert.Throws<ArgumentException>(() => Scale().Input("x", DataType.Float, 1));
        Assert.Throws<ArgumentException>(() => Scale().Output("y", DataType.Float, 1));
        Assert.Throws<ArgumentException>(() => Scale().Initializer<float>("factor", [1f]));
        Assert.Throws<ArgumentException>(() => Scale().Opset(18));
    }

    [Fact]
    public void Dims_BelowMinusOne_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxModelBuilder("g").Input("x", DataType.Float, -2));
        Assert.Throws<ArgumentException>(() => new OnnxModelBuilder("g").Input("x", DataType.Float, ""));
    }

    private static OnnxModelBuilder Scale() =>
        new OnnxModelBuilder("scale")
            .Opset(17)
            .Input("x", DataType.Float, "batch", -1, 0, 4)
            .Initializer<float>("factor", [2f])
            .Node("Mul", ["x", "factor"], ["y"])
            .Output("y", DataType.Float, "batch", -1, 0, 4);
}
