using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>
/// The models of the sample repository (<c>samples/models</c>). Every one has a dynamic batch
/// dimension first and imports opset 17 of ai.onnx.
/// </summary>
public static class SampleModels
{
    public const long Opset = 17;

    /// <summary>Triton's "simple": OUTPUT0 = INPUT0 + INPUT1, OUTPUT1 = INPUT0 - INPUT1, INT32 [-1, 16].</summary>
    public static ModelProto Simple() =>
        new OnnxModelBuilder("simple")
            .Opset(Opset)
            .Input("INPUT0", DataType.Int32, -1, 16)
            .Input("INPUT1", DataType.Int32, -1, 16)
            .Node("Add", ["INPUT0", "INPUT1"], ["OUTPUT0"])
            .Node("Sub", ["INPUT0", "INPUT1"], ["OUTPUT1"])
            .Output("OUTPUT0", DataType.Int32, -1, 16)
            .Output("OUTPUT1", DataType.Int32, -1, 16)
            .Build();

    /// <summary>
    /// Triton's "simple_string": "simple" on decimal integers carried as STRING [-1, 16],
    /// cast to INT32 and back.
    /// </summary>
    public static ModelProto SimpleString()
    {
        var toInt32 = OnnxAttribute.Int("to", (long)DataType.Int32);
        var toString = OnnxAttribute.Int("to", (long)DataType.String);
        return new OnnxModelBuilder("simple_string")
            .Opset(Opset)
            .Input("INPUT0", DataType.String, -1, 16)
            .Input("INPUT1", DataType.String, -1, 16)
            .Node("Cast", ["INPUT0"], ["INPUT0_INT32"], toInt32)
            .Node("Cast", ["INPUT1"], ["INPUT1_INT32"], toInt32)
            .Node("Add", ["INPUT0_INT32", "INPUT1_INT32"], ["SUM_INT32"])
            .Node("Sub", ["INPUT0_INT32", "INPUT1_INT32"], ["DIFFERENCE_INT32"])
            .Node("Cast", ["SUM_INT32"], ["OUTPUT0"], toString)
            .Node("Cast", ["DIFFERENCE_INT32"], ["OUTPUT1"], toString)
            .Output("OUTPUT0", DataType.String, -1, 16)
            .Output("OUTPUT1", DataType.String, -1, 16)
            .Build();
    }

    /// <summary>
    /// features FP32 [-1, 4] (sepal length, sepal width, petal length, petal width in cm) →
    /// probabilities FP32 [-1, 3] of setosa, versicolor, virginica.
    /// </summary>
    /// <remarks>
    /// A nearest-centroid classifier written as a linear layer: class k scores
    /// x·c_k - |c_k|²/2, which is -|x - c_k|²/2 plus a term the same for every class, so
    /// the softmax favours the nearest class mean c_k (the iris data set's means, rounded).
    /// </remarks>
    public static ModelProto IrisClassifier()
    {
        float[][] centroids = [[5.0f, 3.4f, 1.5f, 0.2f], [5.9f, 2.8f, 4.3f, 1.3f], [6.6f, 3.0f, 5.6f, 2.0f]];
        var weights = new float[4 * 3];
        var bias = new float[3];
        for (int k = 0; k < 3; k++)
        {
            for (int i = 0; i < 4; i++)
            {
                weights[(i * 3) + k] = centroids[k][i];
                bias[k] -= centroids[k][i] * centroids[k][i] / 2;
            }
        }

        return new OnnxModelBuilder("iris_classifier")
            .Opset(Opset)
            .Input("features", DataType.Float, -1, 4)
            .Initializer<float>("weights", weights, 4, 3)
            .Initializer<float>("bias", bias, 3)
            .Node("MatMul", ["features", "weights"], ["scores_unbiased"])
            .Node("Add", ["scores_unbiased", "bias"], ["scores"])
            .Node("Softmax", ["scores"], ["probabilities"], OnnxAttribute.Int("axis", -1))
            .Output("probabilities", DataType.Float, -1, 3)
            .Build();
    }

    /// <summary>OUTPUT = INPUT, FP32 [-1, -1]; the sample without a config.pbtxt.</summary>
    public static ModelProto IdentityFp32() =>
        new OnnxModelBuilder("identity_fp32_noconfig")
            .Opset(Opset)
            .Input("INPUT", DataType.Float, -1, -1)
            .Node("Identity", ["INPUT"], ["OUTPUT"])
            .Output("OUTPUT", DataType.Float, -1, -1)
            .Build();

    /// <summary>OUTPUT = INPUT * <paramref name="factor"/>, FP32 [-1, 4].</summary>
    public static ModelProto Multiplier(float factor) =>
        new OnnxModelBuilder("multiplier")
            .Opset(Opset)
            .Input("INPUT", DataType.Float, -1, 4)
            .Initializer<float>("FACTOR", [factor])
            .Node("Mul", ["INPUT", "FACTOR"], ["OUTPUT"])
            .Output("OUTPUT", DataType.Float, -1, 4)
            .Build();
}
