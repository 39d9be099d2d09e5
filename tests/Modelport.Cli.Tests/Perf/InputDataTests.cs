using System.Buffers.Binary;
using System.Text.Json;
using Modelport.Cli.Perf;
using Modelport.Client;

namespace Modelport.Cli.Tests.Perf;

public sealed class InputDataTests
{
    private static readonly ModelMetadata Simple = new(
        "simple",
        ["1"],
        "onnxruntime_onnx",
        [new TensorMetadata("INPUT0", TensorDataType.Int32, [-1, 16]), new TensorMetadata("INPUT1", TensorDataType.Int32, [-1, 16])],
        [new TensorMetadata("OUTPUT0", TensorDataType.Int32, [-1, 16]), new TensorMetadata("OUTPUT1", TensorDataType.Int32, [-1, 16])]);

    [Fact]
    public void A_batching_model_gets_the_batch_size_as_its_first_dimension()
    {
        var (plan, error) = ModelPlan.Create(Simple, maxBatchSize: 8, Settings("-b", "4"));

        Assert.Null(error);
        Assert.Equal([4L, 16], plan!.Inputs[0].Shape);
        Assert.Equal(["OUTPUT0", "OUTPUT1"], plan.Outputs);
    }

    [Theory]
    [InlineData(0, new[] { "-b", "2" }, "model 'simple' does not batch")]
    [InlineData(8, new[] { "-b", "9" }, "-b 9 is above model 'simple''s max_batch_size 8")]
    [InlineData(8, new[] { "--shape", "INPUT9:4" }, "--shape names 'INPUT9', which is no input of model 'simple'")]
    [InlineData(8, new[] { "--shape", "INPUT0:4,4" }, "--shape INPUT0 has 2 dimensions; the input has 1")]
    public void Shapes_that_do_not_fit_the_model_are_refused(long maxBatchSize, string[] flags, string message)
    {
        var (plan, error) = ModelPlan.Create(Simple, maxBatchSize, Settings(flags));

        Assert.Null(plan);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_dimension_needs_a_shape()
    {
        var model = Simple with { Inputs = [new TensorMetadata("X", TensorDataType.Fp32, [-1, -1])] };

        Assert.Contains("give its shape with --shape X:", ModelPlan.Create(model, 8, Settings()).Error, StringComparison.Ordinal);
        Assert.Equal([1L, 7], ModelPlan.Create(model, 8, Settings("--shape", "X:7")).Plan!.Inputs[0].Shape);
    }

    [Fact]
    public void Zero_data_is_zero_bytes_of_the_input_size()
    {
        var plan = ModelPlan.Create(Simple, 8, Settings("-b", "2")).Plan!;

        var (steps, _) = InputData.Create(plan, Settings("-b", "2", "--input-data", "zero"));

        var step = Assert.Single(steps!);
        Assert.All(step, tensor => Assert.Equal(new byte[2 * 16 * 4], tensor.Bytes));
    }

    [Fact]
    public void A_perf_analyzer_data_file_gives_one_step_per_entry_in_each_of_its_forms()
    {
        var plan = ModelPlan.Create(Simple, 8, Settings("-b", "2")).Plan!;
        var sixteen = string.Join(',', Enumerable.Range(0, 16));
        var base64 = Convert.ToBase64String(Enumerable.Range(0, 16).SelectMany(value => BitConverter.GetBytes(value * 2)).ToArray());
        using var file = JsonDocument.Parse($$$"""
            {"data": [
              {"INPUT0": [{{{sixteen}}}], "INPUT1": {"content": [[{{{sixteen}}}]], "shape": [16]}},
              {"INPUT0": {"b64": "{{{base64}}}"}, "INPUT1": [{{{sixteen}}}]}
            ]}
            """);

        var (steps, error) = InputData.FromFile(file.RootElement, plan, batchSize: 2);

        Assert.Null(error);
        Assert.Equal(2, steps!.Count);
        Assert.Equal([2L, 16], steps[0][1].Shape);
        Assert.Equal([.. Enumerable.Range(0, 16), .. Enumerable.Range(0, 16)], Ints(steps[0][0].Bytes));
        Assert.Equal([.. Enumerable.Range(0, 16).Select(value => value * 2), .. Enumerable.Range(0, 16).Select(value => value * 2)], Ints(steps[1][0].Bytes));
    }

    [Theory]
    [InlineData("""{"rows": []}""", "needs a non-empty \"data\" array")]
    [InlineData("""{"data": [{"INPUT1": [1]}]}""", "data entry 0 has no input 'INPUT0'")]
    [InlineData("""{"data": [{"INPUT0": [1, 2], "INPUT1": [1]}]}""", "data entry 0, input 'INPUT0': 2 values for shape [16], which holds 16")]
    [InlineData("""{"data": [{"INPUT0": {"values": [1]}, "INPUT1": [1]}]}""", "an object needs \"content\" or \"b64\"")]
    public void A_data_file_that_does_not_fit_is_refused(string json, string message)
    {
        var plan = ModelPlan.Create(Simple, 8, Settings()).Plan!;
        using var file = JsonDocument.Parse(json);

        var (steps, error) = InputData.FromFile(file.RootElement, plan, batchSize: 1);

        Assert.Null(steps);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static int[] Ints(byte[] bytes) =>
        [.. Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)))];

    private static PerfSettings Settings(params string[] flags) => PerfCommand.Read(["-m", "simple", .. flags], out _)!;
}
