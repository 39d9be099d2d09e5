using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime.Tests;

public sealed class OnnxRuntimeBackendTests : IDisposable
{
    private readonly ModelDirectory _directory = new();

    [Fact]
    public void Names_AreTritons()
    {
        var backend = new OnnxRuntimeBackend();

        Assert.Equal("onnxruntime", backend.Name);
        Assert.Equal(["onnxruntime_onnx"], backend.Platforms);
        Assert.Equal("model.onnx", backend.DefaultModelFileName);
    }

    [Fact]
    public async Task NoConfig_IsCompletedFromTheModel()
    {
        var declared = new ModelConfig();

        using var model = await TestLoads.LoadAsync(Sample("identity_fp32_noconfig", 1), declared, "identity_fp32_noconfig");

        var config = model.Config;
        Assert.Equal("identity_fp32_noconfig", config.Name);
        Assert.Equal(("onnxruntime_onnx", "onnxruntime"), (config.Platform, config.Backend));
        Assert.Equal(ConfigCompleter.DefaultMaxBatchSize, config.MaxBatchSize);
        var input = Assert.Single(config.Input);
        Assert.Equal(("INPUT", DataType.TypeFp32), (input.Name, input.DataType));
        Assert.Equal([-1L], input.Dims);
        var output = Assert.Single(config.Output);
        Assert.Equal(("OUTPUT", DataType.TypeFp32), (output.Name, output.DataType));
        Assert.Equal([-1L], output.Dims);
        Assert.Equal(new ModelConfig(), declared);
    }

    [Fact]
    public async Task ContradictingConfig_FailsTheLoad_NamingTensorFieldAndValues()
    {
        var config = new ModelConfig
        {
            MaxBatchSize = 8,
            Input = { new ModelInput { Name = "INPUT", DataType = DataType.TypeInt32, Dims = { 4 } } },
        };

        var exception = await Assert.ThrowsAsync<ModelLoadException>(() => TestLoads.LoadAsync(Sample("multiplier", 1), config, "multiplier"));

        Assert.Equal("model 'multiplier': input 'INPUT': config data_type TYPE_INT32 but the model has TYPE_FP32", exception.Message);
    }

    [Fact]
    public async Task CorruptFile_FailsTheLoad_WithOrtsReasonAndThePath()
    {
        var path = _directory.WriteBytes("this is not an ONNX model"u8.ToArray());

        var exception = await Assert.ThrowsAsync<ModelLoadException>(() => TestLoads.LoadAsync(path));

        Assert.StartsWith($"model 'test' version 1: ONNX Runtime cannot load '{path}': [ErrorCode:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_FailsTheLoad()
    {
        var path = _directory.PathOf("absent.onnx");

        var exception = await Assert.ThrowsAsync<ModelLoadException>(() => TestLoads.LoadAsync(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidParameter_FailsTheLoad()
    {
        var config = new ModelConfig { Parameters = { ["execution_mode"] = new ModelParameter { StringValue = "fast" } } };

        var exception = await Assert.ThrowsAsync<ModelLoadException>(() => TestLoads.LoadAsync(Sample("multiplier", 1), config));

        Assert.Equal("model 'test': parameter 'execution_mode' is 'fast'; expected an integer from 0 to 1", exception.Message);
    }

    [Fact]
    public async Task ValidParameters_Load()
    {
        var config = new ModelConfig
        {
            Parameters =
            {
                ["intra_op_thread_count"] = new ModelParameter { StringValue = "1" },
                ["execution_mode"] = new ModelParameter { StringValue = "1" },
                ["inter_op_thread_count"] = new ModelParameter { StringValue = "2" },
                ["enable_mem_arena"] = new ModelParameter { StringValue = "false" },
            },
            Optimization = new ModelOptimizationPolicy { Graph = new ModelOptimizationPolicy.Types.Graph { Level = 2 } },
        };

        using var model = await TestLoads.LoadAsync(Sample("multiplier", 1), config);

        Assert.Equal(4, model.Config.MaxBatchSize);
    }

    [Fact]
    public async Task SequenceOutput_FailsTheLoad_NamingTheOutputAndItsType()
    {
        var path = _directory.Write(TestModels.SequenceOutput());

        var exception = await Assert.ThrowsAsync<ModelLoadException>(() => TestLoads.LoadAsync(path));

        Assert.Equal("model 'test': output 'items' is of ONNX type ONNX_TYPE_SEQUENCE; only dense tensors can be served", exception.Message);
    }

    [Fact]
    public async Task CancelledLoad_Throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestLoads.LoadAsync(Sample("multiplier", 1), cancellationToken: new CancellationToken(canceled: true)));
    }

    public void Dispose() => _directory.Dispose();

    private static string Sample(string model, int version) => Path.Combine(TestLoads.Samples, model, version.ToString(), "model.onnx");
}
