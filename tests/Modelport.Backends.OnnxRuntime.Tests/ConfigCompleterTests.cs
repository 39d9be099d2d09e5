using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using ConfigDataType = Modelport.Core.Configuration.DataType;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Backends.OnnxRuntime.Tests;

public sealed class ConfigCompleterTests
{
    // Like samples/models/simple: two [-1,16] INT32 inputs, two outputs of the same shape.
    private static readonly OnnxSignature Batching = new(
        [new("INPUT0", DataType.Int32, [-1, 16]), new("INPUT1", DataType.Int32, [-1, 16])],
        [new("OUTPUT0", DataType.Int32, [-1, 16]), new("OUTPUT1", DataType.Int32, [-1, 16])]);

    private static readonly OnnxSignature Fixed = new(
        [new("x", DataType.Fp32, [1, 4])],
        [new("y", DataType.Fp32, [1, 3])]);

    [Fact]
    public void EmptyConfig_OfABatchingGraph_GetsTensorsAndTheDefaultMaxBatchSize()
    {
        var config = Complete(Batching, new ModelConfig());

        Assert.Equal("simple", config.Name);
        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.Equal("onnxruntime", config.Backend);
        Assert.Equal(ConfigCompleter.DefaultMaxBatchSize, config.MaxBatchSize);
        Assert.Equal(["INPUT0", "INPUT1"], config.Input.Select(input => input.Name));
        Assert.Equal(["OUTPUT0", "OUTPUT1"], config.Output.Select(output => output.Name));
        Assert.All(config.Input, input => Assert.Equal(ConfigDataType.TypeInt32, input.DataType));
        Assert.All(config.Input, input => Assert.Equal([16L], input.Dims));
        Assert.All(config.Output, output => Assert.Equal([16L], output.Dims));
    }

    [Fact]
    public void EmptyConfig_OfAFixedGraph_DoesNotBatch()
    {
        var config = Complete(Fixed, new ModelConfig());

        Assert.Equal(0, config.MaxBatchSize);
        Assert.Equal([1L, 4], config.Input.Single().Dims);
        Assert.Equal([1L, 3], config.Output.Single().Dims);
    }

    [Fact]
    public void GivenMaxBatchSize_IsKept_AndStripsTheBatchDimension()
    {
        var config = Complete(Batching, new ModelConfig { MaxBatchSize = 8 });

        Assert.Equal(8, config.MaxBatchSize);
        Assert.All(config.Input, input => Assert.Equal([16L], input.Dims));
    }

    [Fact]
    public void GivenMaxBatchSize_OnAFixedFirstDimension_FailsTheLoad()
    {
        var exception = Assert.Throws<ModelLoadException>(() => Complete(Fixed, new ModelConfig { MaxBatchSize = 8 }));

        Assert.Equal(
            "model 'simple': input 'x': config max_batch_size 8 needs a variable first dimension but the model has [1,4]",
            exception.Message);
    }

    [Fact]
    public void DeclaredTensors_AreKept_AndTurnOffBatchingInference()
    {
        var declared = new ModelConfig { Output = { Output("OUTPUT1", ConfigDataType.TypeInt32, -1, 16) } };

        var config = Complete(Batching, declared);

        Assert.Equal(0, config.MaxBatchSize);
        Assert.Equal(["INPUT0", "INPUT1"], config.Input.Select(input => input.Name));
        Assert.Equal([-1L, 16], config.Input[0].Dims);
        Assert.Equal("OUTPUT1", config.Output.Single().Name);
    }

    [Fact]
    public void Completion_DoesNotMutateTheDeclaredConfig()
    {
        var declared = new ModelConfig { Output = { Output("OUTPUT1", ConfigDataType.TypeInt32, -1, 16) } };
        var copy = declared.Clone();

        Complete(Batching, declared);

        Assert.Equal(copy, declared);
    }

    [Fact]
    public void DataTypeMismatch_NamesTensorFieldAndBothValues()
    {
        var declared = new ModelConfig
        {
            MaxBatchSize = 8,
            Input = { Input("INPUT0", ConfigDataType.TypeFp32, 16), Input("INPUT1", ConfigDataType.TypeInt32, 16) },
        };

        var exception = Assert.Throws<ModelLoadException>(() => Complete(Batching, declared));

        Assert.Equal("model 'simple': input 'INPUT0': config data_type TYPE_FP32 but the model has TYPE_INT32", exception.Message);
    }

    [Fact]
    public void FixedSizeMismatch_AccountsForTheBatchDimension()
    {
        var declared = new ModelConfig { MaxBatchSize = 8, Output = { Output("OUTPUT0", ConfigDataType.TypeInt32, 8) } };

        var exception = Assert.Throws<ModelLoadException>(() => Complete(Batching, declared));

        Assert.Equal(
            "model 'simple': output 'OUTPUT0': config dims [8] but the model has [-1,16] (max_batch_size 8 adds the first dimension)",
            exception.Message);
    }

    [Fact]
    public void RankMismatch_FailsTheLoad()
    {
        var declared = new ModelConfig { Output = { Output("OUTPUT0", ConfigDataType.TypeInt32, 16) } };

        var exception = Assert.Throws<ModelLoadException>(() => Complete(Batching, declared));

        Assert.Equal("model 'simple': output 'OUTPUT0': config dims [16] but the model has [-1,16]", exception.Message);
    }

    [Fact]
    public void Reshape_IsWhatTheModelIsCheckedAgainst()
    {
        var output = Output("y", ConfigDataType.TypeFp32, 3);
        output.Reshape = new ModelTensorReshape { Shape = { 1, 3 } };
        var input = Input("x", ConfigDataType.TypeFp32, 4);
        input.Reshape = new ModelTensorReshape { Shape = { 1, 4 } };

        var config = Complete(Fixed, new ModelConfig { Input = { input }, Output = { output } });

        Assert.Equal([4L], config.Input.Single().Dims);

        input.Reshape.Shape[1] = 5;
        var exception = Assert.Throws<ModelLoadException>(() => Complete(Fixed, new ModelConfig { Input = { input } }));
        Assert.Equal("model 'simple': input 'x': config reshape [1,5] but the model has [1,4]", exception.Message);
    }

    [Fact]
    public void VariableDimensions_MatchAnySize()
    {
        var declared = new ModelConfig { Input = { Input("x", ConfigDataType.TypeFp32, -1, -1) } };

        Assert.Single(Complete(Fixed, declared).Input);
    }

    [Fact]
    public void TensorTheModelLacks_FailsTheLoad()
    {
        var declared = new ModelConfig { Output = { Output("z", ConfigDataType.TypeFp32, 1, 3) } };

        var exception = Assert.Throws<ModelLoadException>(() => Complete(Fixed, declared));

        Assert.Equal("model 'simple': output 'z': in the config but not in the model, whose outputs are 'y'", exception.Message);
    }

    [Fact]
    public void ModelInputTheConfigLacks_FailsTheLoad()
    {
        var declared = new ModelConfig { MaxBatchSize = 4, Input = { Input("INPUT0", ConfigDataType.TypeInt32, 16) } };

        var exception = Assert.Throws<ModelLoadException>(() => Complete(Batching, declared));

        Assert.Equal("model 'simple': input 'INPUT1': the model requires it but the config does not declare it", exception.Message);
    }

    private static ModelConfig Complete(OnnxSignature signature, ModelConfig declared) =>
        new ConfigCompleter("simple", signature).Complete(declared);

    private static ModelInput Input(string name, ConfigDataType type, params long[] dims) =>
        new() { Name = name, DataType = type, Dims = { dims } };

    private static ModelOutput Output(string name, ConfigDataType type, params long[] dims) =>
        new() { Name = name, DataType = type, Dims = { dims } };
}
