using Modelport.Onnx;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Client.Tests.TestSupport;

/// <summary>Small ONNX models built in code for tests.</summary>
internal static class TestModels
{
    /// <summary>Y = X * factor over FP32 [batch, 4].</summary>
    public static OnnxModelBuilder Scale(float factor) =>
        new OnnxModelBuilder("scale")
            .Opset(17)
            .Input("X", OnnxType.Float, "batch", 4)
            .Output("Y", OnnxType.Float, "batch", 4)
            .Initializer<float>("FACTOR", [factor])
            .Node("Mul", ["X", "FACTOR"], ["Y"]);

    public static InferRequest ScaleRequest() => new(InferInput.Create("X", new[] { 1f, 2f, 3f, 4f }, 1, 4));
}
