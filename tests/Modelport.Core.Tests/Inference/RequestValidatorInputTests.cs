using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Inference;

public sealed class RequestValidatorInputTests
{
    private static readonly InferenceTensor A = TensorData.Int32("A", [2, 1], 1, 2);

    [Fact]
    public void An_unknown_input_is_refused_listing_the_model_inputs()
    {
        AssertInvalid("unexpected inference input 'X' for model 'm'; its inputs are: 'A', 'B'", A, TensorData.Int32("X", [1], 1));
    }

    [Fact]
    public void An_input_given_twice_is_refused()
    {
        AssertInvalid("input 'A' appears more than once in the request for model 'm'", A, A);
    }

    [Fact]
    public void A_missing_input_is_refused()
    {
        AssertInvalid("model 'm' expects input 'A', which the request does not have", Fp32("B", 3));
    }

    [Fact]
    public void An_optional_input_may_be_omitted()
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, [A], null);

        Assert.True(validated.IsSuccess, validated.Error?.ToString());
        Assert.Equal([A], validated.Value.Execution.Tensors);
    }

    [Fact]
    public void An_input_of_another_datatype_is_refused()
    {
        AssertInvalid("input 'A' of model 'm' has datatype FP32, but the model expects INT32", Fp32("A", 2, 1));
    }

    private static InferenceTensor Fp32(string name, params long[] shape) =>
        new(name, DataType.Fp32, shape, new byte[TensorShape.ByteSize(DataType.Fp32, shape)!.Value]);

    private static void AssertInvalid(string message, params InferenceTensor[] inputs)
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, inputs, null);

        Assert.Equal(InferenceError.InvalidArgument(message), validated.Error);
    }
}
