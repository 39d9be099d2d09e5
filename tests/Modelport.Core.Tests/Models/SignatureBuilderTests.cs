using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Models;
using Modelport.Core.Tests.TestSupport;
using TensorType = Modelport.Core.Tensors.DataType;

namespace Modelport.Core.Tests.Models;

public sealed class SignatureBuilderTests : IDisposable
{
    private readonly TestRepository _repository = new();

    private string ModelFolder => Path.Combine(_repository.Path, "m");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Inputs_and_outputs_carry_type_dims_reshape_optional_and_labels()
    {
        _repository.AddModel("m").WriteFile("m/labels.txt", "cat\ndog\n");

        var signature = Build("""
            max_batch_size: 8
            input [{ name: "image" data_type: TYPE_FP32 dims: [4] reshape: { shape: [2, 2] } optional: true }]
            output [{ name: "scores" data_type: TYPE_STRING dims: [-1] label_filename: "labels.txt" }]
            """);

        Assert.True(signature.Batches);
        var input = Assert.Single(signature.Inputs);
        Assert.Equal("image", input.Name);
        Assert.Equal(TensorType.Fp32, input.DataType);
        Assert.Equal([4L], input.Dims);
        Assert.Equal([2L, 2], input.Reshape!);
        Assert.True(input.Optional);
        var output = Assert.Single(signature.Outputs);
        Assert.Equal(TensorType.Bytes, output.DataType);
        Assert.Null(output.Reshape);
        Assert.Equal(["cat", "dog"], output.Labels!);
        Assert.Equal([-1L, -1], signature.ClientShape(output));
    }

    [Theory]
    [InlineData("max_batch_size: -1\noutput [{ name: \"y\" data_type: TYPE_FP32 dims: [1] }]", "max_batch_size must be 0 or more, not -1")]
    [InlineData("input [{ name: \"x\" data_type: TYPE_FP32 dims: [1] }]", "the config declares no output and none could be read from the model")]
    [InlineData("output [{ name: \"y\" data_type: TYPE_INVALID dims: [1] }]", "output 'y': data_type TypeInvalid is not a supported data type")]
    [InlineData("output [{ name: \"y\" data_type: TYPE_FP32 dims: [2, -2] }]", "output 'y': dims [2,-2] has -2; a dimension is -1 (variable) or 0 and above")]
    [InlineData("output [{ data_type: TYPE_FP32 dims: [1] }]", "an output has no name")]
    [InlineData("input [{ name: \"x\" data_type: TYPE_FP32 dims: [1] }, { name: \"x\" data_type: TYPE_FP32 dims: [1] }]\noutput [{ name: \"y\" data_type: TYPE_FP32 dims: [1] }]", "input 'x' is declared twice")]
    [InlineData("output [{ name: \"y\" data_type: TYPE_FP32 dims: [1] label_filename: \"../secrets.txt\" }]", "output 'y': label_filename '../secrets.txt' is outside the model folder")]
    [InlineData("output [{ name: \"y\" data_type: TYPE_FP32 dims: [1] label_filename: \"labels.txt\" }]", "output 'y': label_filename 'labels.txt' does not exist in the model folder")]
    public void An_unusable_config_fails_the_load_naming_the_field(string config, string reason)
    {
        _repository.AddModel("m").WriteFile("secrets.txt", "outside\n");

        var exception = Assert.Throws<ModelLoadException>(() => Build(config));

        Assert.Equal(reason, exception.Message);
    }

    private ModelSignature Build(string config) => SignatureBuilder.Build(ModelConfigText.Parse(config), ModelFolder);
}
