using Modelport.Onnx;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Testing;

/// <summary>Small ONNX models built in code for tests.</summary>
public static class TestModels
{
    /// <summary>Y = X * factor over FP32 [batch, 4].</summary>
    public static OnnxModelBuilder Scale(float factor) =>
        new OnnxModelBuilder("scale")
            .Opset(17)
            .Input("X", OnnxType.Float, "batch", 4)
            .Output("Y", OnnxType.Float, "batch", 4)
            .Initializer<float>("FACTOR", [factor])
            .Node("Mul", ["X", "FACTOR"], ["Y"]);

    public static OnnxModelBuilder Identity(OnnxType type) =>
        new OnnxModelBuilder("identity").Opset(17).Input("X", type, "batch", 4).Output("Y", type, "batch", 4).Node("Identity", ["X"], ["Y"]);

    public const string ScaleRequest = """{"inputs":[{"name":"X","datatype":"FP32","shape":[1,4],"data":[1,2,3,4]}]}""";
}
