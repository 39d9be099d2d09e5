using Modelport.Onnx.Proto;

namespace Modelport.Onnx.Tests.Reading;

/// <summary>Reads every model and test value of ONNX's node conformance tests.</summary>
public sealed class OnnxConformanceDataTests
{
    [Fact]
    public void EveryNodeTest_ReadsModelSignatureAndData()
    {
        var failures = new List<string>();
        int tensors = 0;
        string[] tests = Directory.GetDirectories(TestPaths.NodeTests);
        foreach (string test in tests)
        {
            try
            {
                var signature = OnnxSignature.FromModel(OnnxModelFile.Read(Path.Combine(test, "model.onnx")));
                string data = Path.Combine(test, "test_data_set_0");
                tensors += CheckValues(data, "input", signature.Inputs) + CheckValues(data, "output", signature.Outputs);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                failures.Add($"{Path.GetFileName(test)}: {e.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(tests.Length > 900, $"only {tests.Length} node tests");
        Assert.True(tensors > 2000, $"only {tensors} tensors");
    }

    [Fact]
    public void StringInput_ConvertsToLengthPrefixedElements()
    {
        var raw = OnnxTensorData.ToRaw(ReadTensor("test_strnormalizer_export_monday_casesensintive_lower", "input_0.pb"));

        Assert.Equal([4L], raw.Dims);
        Assert.Equal(4 * 4 + "mondaytuesdaywednesdaythursday".Length, raw.Data.Length);
        Assert.Equal("monday"u8.ToArray(), raw.Data.Span[4..10].ToArray());
    }

    [Fact]
    public void Float16Input_KeepsTwoBytesPerElement()
    {
        var raw = OnnxTensorData.ToRaw(ReadTensor("test_cast_FLOAT16_to_FLOAT", "input_0.pb"));

        Assert.Equal(TensorProto.Types.DataType.Float16, raw.ElementType);
        Assert.Equal(3 * 4 * 2, raw.Data.Length);
    }

    [Fact]
    public void BoolInput_KeepsOneBytePerElement()
    {
        var raw = OnnxTensorData.ToRaw(ReadTensor("test_and2d", "input_0.pb"));

        Assert.Equal(TensorProto.Types.DataType.Bool, raw.ElementType);
        Assert.Equal(12, raw.Data.Length);
        Assert.All(raw.Data.ToArray(), b => Assert.True(b <= 1));
    }

    [Fact]
    public void OptionalAndSequenceData_Parse()
    {
        string test = TestPaths.NodeTest("test_optional_get_element_sequence");
        var optional = OptionalProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(test, "test_data_set_0", "input_0.pb")));

        Assert.Equal((int)OptionalProto.Types.DataType.Sequence, optional.ElemType);
        var tensor = Assert.Single(optional.SequenceValue.TensorValues);
        Assert.Equal("01000000020000000300000004000000", Convert.ToHexString(OnnxTensorData.ToRaw(tensor).Data.Span));
    }

    private static TensorProto ReadTensor(string test, string file) =>
        TensorProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(TestPaths.NodeTest(test), "test_data_set_0", file)));

    // Converts each tensor a value file holds to raw form and back, and checks that nothing changes.
    private static int CheckValues(string directory, string prefix, IReadOnlyList<OnnxTensorInfo> values)
    {
        int count = 0;
        for (int i = 0; File.Exists(Path.Combine(directory, $"{prefix}_{i}.pb")); i++)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(directory, $"{prefix}_{i}.pb"));
            IEnumerable<TensorProto> tensors = values[i].Kind switch
            {
                OnnxValueKind.Tensor => [TensorProto.Parser.ParseFrom(bytes)],
                OnnxValueKind.Sequence => TensorsOf(SequenceProto.Parser.ParseFrom(bytes)),
                OnnxValueKind.Optional => TensorsOf(OptionalProto.Parser.ParseFrom(bytes)),
                _ => [],
            };
            foreach (var tensor in tensors)
            {
                var raw = OnnxTensorData.ToRaw(tensor);
                var rebuilt = OnnxTensorData.FromRaw(tensor.Name, raw.ElementType, [.. raw.Dims], raw.Data.Span);
                Assert.Equal(raw.Data.ToArray(), OnnxTensorData.ToRaw(rebuilt).Data.ToArray());
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<TensorProto> TensorsOf(SequenceProto sequence) =>
        sequence.TensorValues
            .Concat(sequence.SequenceValues.SelectMany(TensorsOf))
            .Concat(sequence.OptionalValues.SelectMany(TensorsOf));

    private static IEnumerable<TensorProto> TensorsOf(OptionalProto optional) =>
        optional.TensorValue is not null ? [optional.TensorValue]
        : optional.SequenceValue is not null ? TensorsOf(optional.SequenceValue)
        : optional.OptionalValue is not null ? TensorsOf(optional.OptionalValue)
        : [];
}
