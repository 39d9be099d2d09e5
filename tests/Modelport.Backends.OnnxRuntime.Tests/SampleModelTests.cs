using System.Runtime.InteropServices;
using System.Text;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Tensors;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Backends.OnnxRuntime.Tests;

/// <summary>The models of samples/models, loaded with their own config.pbtxt.</summary>
public sealed class SampleModelTests
{
    [Fact]
    public async Task Simple_SumsAndSubtracts()
    {
        var a = Enumerable.Range(0, 16).ToArray();
        var b = Enumerable.Repeat(1, 16).ToArray();
        using var model = await LoadAsync("simple", 1);
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs(
                [new InferenceTensor("INPUT0", DataType.Int32, [1, 16], Bytes(a)), new InferenceTensor("INPUT1", DataType.Int32, [1, 16], Bytes(b))],
                ["OUTPUT0", "OUTPUT1"]),
            CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        using (result.Value.MemoryOwner)
        {
            Assert.Equal(a.Select(x => x + 1), MemoryMarshal.Cast<byte, int>(result.Value.Tensors[0].Data.Span).ToArray());
            Assert.Equal(a.Select(x => x - 1), MemoryMarshal.Cast<byte, int>(result.Value.Tensors[1].Data.Span).ToArray());
            Assert.Equal([1L, 16], result.Value.Tensors[1].Shape);
        }
    }

    [Fact]
    public async Task SimpleString_SumsAndSubtractsDecimalText()
    {
        var a = Enumerable.Range(0, 16).Select(x => x.ToString()).ToArray();
        var b = Enumerable.Repeat("2", 16).ToArray();
        using var model = await LoadAsync("simple_string", 1);
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs(
                [
                    new InferenceTensor("INPUT0", DataType.Bytes, [1, 16], BytesElements.FromStrings(a)),
                    new InferenceTensor("INPUT1", DataType.Bytes, [1, 16], BytesElements.FromStrings(b)),
                ],
                ["OUTPUT1"]),
            CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var difference = Assert.Single(result.Value.Tensors);
        Assert.Equal(("OUTPUT1", DataType.Bytes), (difference.Name, difference.DataType));
        var texts = new List<string>();
        foreach (var element in BytesElements.Enumerate(difference.Data))
        {
            texts.Add(Encoding.UTF8.GetString(element.Span));
        }

        Assert.Equal(Enumerable.Range(-2, 16).Select(x => x.ToString()), texts);
    }

    [Theory]
    [InlineData(1, 2f)]
    [InlineData(2, 3f)]
    public async Task Multiplier_VersionsMultiplyByTheirFactor(int version, float factor)
    {
        float[] values = [1, -2, 0.5f, 10, 0, 1, 2, 3];
        using var model = await LoadAsync("multiplier", version);
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs([new InferenceTensor("INPUT", DataType.Fp32, [2, 4], Bytes(values))], ["OUTPUT"]), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        using (result.Value.MemoryOwner)
        {
            Assert.Equal(8, model.Config.MaxBatchSize);
            Assert.Equal([2L, 4], result.Value.Tensors[0].Shape);
            Assert.Equal(values.Select(x => x * factor), MemoryMarshal.Cast<byte, float>(result.Value.Tensors[0].Data.Span).ToArray());
        }
    }

    [Fact]
    public async Task IrisClassifier_LoadsWithItsConfig()
    {
        using var model = await LoadAsync("iris_classifier", 1);

        Assert.Equal(8, model.Config.MaxBatchSize);
        Assert.Equal("labels.txt", model.Config.Output.Single().LabelFilename);
    }

    private static Task<IBackendModel> LoadAsync(string name, int version)
    {
        var folder = Path.Combine(TestLoads.Samples, name);
        var configPath = Path.Combine(folder, "config.pbtxt");
        var config = ModelConfigText.Parse(File.ReadAllText(configPath), configPath);
        return TestLoads.LoadAsync(Path.Combine(folder, version.ToString(), "model.onnx"), config, name);
    }

    private static byte[] Bytes<T>(T[] values)
        where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
