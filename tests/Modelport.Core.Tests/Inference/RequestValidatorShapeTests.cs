using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Inference;

public sealed class RequestValidatorShapeTests
{
    [Theory]
    [InlineData(new long[] { 2 }, "[2]")]
    [InlineData(new long[] { 2, 1, 1 }, "[2,1,1]")]
    [InlineData(new long[] { 3, 1 }, "[3,1]")]
    public void A_shape_of_another_rank_or_fixed_dimension_is_refused(long[] shape, string formatted)
    {
        var input = new InferenceTensor("A", DataType.Int32, shape, new byte[8]);

        AssertInvalid(TestSignatures.Plain, $"input 'A' of model 'm' has shape {formatted}, but the model expects [2,-1]", input);
    }

    [Fact]
    public void A_negative_dimension_is_refused_even_where_the_model_dimension_is_variable()
    {
        var error = RequestValidator.Validate("m", TestSignatures.Plain, [new InferenceTensor("A", DataType.Int32, [2, -1], new byte[8])], null).Error;

        Assert.Equal(InferenceErrorKind.InvalidArgument, error?.Kind);
        Assert.Equal("input 'A' of model 'm' has shape [2,-1], with a negative dimension", error?.Message);
    }

    [Fact]
    public void A_variable_dimension_accepts_any_size()
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, [TensorData.Int32("A", [2, 3], 1, 2, 3, 4, 5, 6)], null);

        Assert.True(validated.IsSuccess, validated.Error?.ToString());
    }

    [Fact]
    public void A_shape_whose_element_count_overflows_is_refused()
    {
        var input = new InferenceTensor("A", DataType.Int32, [2, 1L << 62], new byte[8]);

        AssertInvalid(TestSignatures.Plain, "input 'A' of model 'm' has shape [2,4611686018427387904], whose element count overflows", input);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_batch_size_of_0_or_above_max_batch_size_is_refused(int batch)
    {
        var input = TensorData.Int32("A", [batch, 2], new int[batch * 2]);

        AssertInvalid(
            TestSignatures.Batched, $"input 'A' of model 'm' has batch size {batch}; it must be between 1 and the model's max_batch_size 4", input);
    }

    [Fact]
    public void Inputs_that_disagree_on_the_batch_size_are_refused()
    {
        AssertInvalid(
            TestSignatures.Batched,
            "inputs of model 'm' disagree on the batch size: 'A' has 2, 'B' has 3",
            TensorData.Int32("A", [2, 2], new int[4]),
            TensorData.Int32("B", [3, 2], new int[6]));
    }

    [Fact]
    public void Inputs_that_agree_give_the_request_its_batch_size()
    {
        var validated = RequestValidator.Validate(
            "m", TestSignatures.Batched, [TensorData.Int32("A", [3, 2], new int[6]), TensorData.Int32("B", [3, 2], new int[6])], null);

        Assert.Equal(3, validated.Value.BatchSize);
    }

    private static void AssertInvalid(ModelSignature signature, string message, params InferenceTensor[] inputs)
    {
        Assert.Equal(InferenceError.InvalidArgument(message), RequestValidator.Validate("m", signature, inputs, null).Error);
    }
}
