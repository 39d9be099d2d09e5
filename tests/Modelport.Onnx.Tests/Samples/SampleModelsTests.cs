using System.Runtime.InteropServices;
using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx.Tests.Samples;

/// <summary>Checks the committed sample files, as a server reads them.</summary>
public sealed class SampleModelsTests
{
    [Theory]
    [InlineData("simple", DataType.Int32)]
    [InlineData("simple_string", DataType.String)]
    public void Simple_HasTritonsSignature(string model, DataType type)
    {
        var signature = Read(model, 1);

        AssertTensors(signature.Inputs, type, [-1, 16], "INPUT0", "INPUT1");
        AssertTensors(signature.Outputs, type, [-1, 16], "OUTPUT0", "OUTPUT1");
    }

    [Fact]
    public void IrisClassifier_HasItsSignatureAndLabels()
    {
        var signature = Read("iris_classifier", 1);

        AssertTensors(signature.Inputs, DataType.Float, [-1, 4], "features");
        AssertTensors(signature.Outputs, DataType.Float, [-1, 3], "probabilities");
        Assert.Equal(
            ["setosa", "versicolor", "virginica"],
            File.ReadAllLines(Path.Combine(TestPaths.Samples, "iris_classifier", "labels.txt")));
    }

    [Theory]
    [InlineData(5.1f, 3.5f, 1.4f, 0.2f, 0)]
    [InlineData(4.6f, 3.1f, 1.5f, 0.2f, 0)]
    [InlineData(5.9f, 3.0f, 4.2f, 1.5f, 1)]
    [InlineData(5.7f, 2.8f, 4.1f, 1.3f, 1)]
    [InlineData(6.3f, 3.3f, 6.0f, 2.5f, 2)]
    [InlineData(6.5f, 3.0f, 5.8f, 2.2f, 2)]
    public void IrisClassifier_WeightsClassifyIrisFlowers(float sepalLength, float sepalWidth, float petalLength, float petalWidth, int expected)
    {
        var graph = OnnxModelFile.Read(ModelPath("iris_classifier", 1)).Graph;
        float[] weights = Floats(graph, "weights");
        float[] bias = Floats(graph, "bias");
        float[] features = [sepalLength, sepalWidth, petalLength, petalWidth];

        float[] scores = [.. Enumerable.Range(0, 3).Select(k => bias[k] + Enumerable.Range(0, 4).Sum(i => features[i] * weights[(i * 3) + k]))];

        Assert.Equal(expected, Array.IndexOf(scores, scores.Max()));
        float probability = 1 / scores.Sum(s => MathF.Exp(s - scores[expected]));
        Assert.InRange(probability, 0.75f, 1f);
    }

    [Fact]
    public void IdentityFp32Noconfig_HasFullyDynamicShape()
    {
        var signature = Read("identity_fp32_noconfig", 1);

        AssertTensors(signature.Inputs, DataType.Float, [-1, -1], "INPUT");
        AssertTensors(signature.Outputs, DataType.Float, [-1, -1], "OUTPUT");
    }

    [Theory]
    [InlineData(1, 2f)]
    [InlineData(2, 3f)]
    public void Multiplier_VersionsMultiplyByTheirFactor(int version, float factor)
    {
        var signature = Read("multiplier", version);
        var graph = OnnxModelFile.Read(ModelPath("multiplier", version)).Graph;

        AssertTensors(signature.Inputs, DataType.Float, [-1, 4], "INPUT");
        AssertTensors(signature.Outputs, DataType.Float, [-1, 4], "OUTPUT");
        Assert.Equal("Mul", Assert.Single(graph.Node).OpType);
        Assert.Equal([factor], Floats(graph, "FACTOR"));
    }

    [Fact]
    public void EveryModel_ImportsOpset17()
    {
        foreach (string file in Directory.GetFiles(TestPaths.Samples, "model.onnx", SearchOption.AllDirectories))
        {
            var opset = Assert.Single(OnnxModelFile.Read(file).OpsetImport);
            Assert.Equal(("", 17L), (opset.Domain, opset.Version));
        }
    }

    private static string ModelPath(string model, int version) =>
        Path.Combine(TestPaths.Samples, model, version.ToString(System.Globalization.CultureInfo.InvariantCulture), "model.onnx");

    private static OnnxSignature Read(string model, int version) =>
        OnnxSignature.FromModel(OnnxModelFile.Read(ModelPath(model, version)));

    private static float[] Floats(GraphProto graph, string initializer) =>
        MemoryMarshal.Cast<byte, float>(OnnxTensorData.ToRaw(graph.Initializer.Single(i => i.Name == initializer)).Data.Span).ToArray();

    private static void AssertTensors(IReadOnlyList<OnnxTensorInfo> tensors, DataType type, long[] dims, params string[] names)
    {
        Assert.Equal(names, tensors.Select(t => t.Name));
        Assert.All(tensors, t =>
        {
            Assert.Equal(OnnxValueKind.Tensor, t.Kind);
            Assert.Equal(type, t.ElementType);
            Assert.Equal(dims, t.Dims);
        });
    }
}
