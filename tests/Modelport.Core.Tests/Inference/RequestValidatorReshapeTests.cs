using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Inference;

/// <summary>A config's reshape changes the shape the engine sees; the client keeps sending the config's dims.</summary>
public sealed class RequestValidatorReshapeTests
{
    [Fact]
    public void The_engine_gets_the_reshape_shape_with_the_same_data()
    {
        var input = TensorData.Int32("R", [4], 1, 2, 3, 4);

        var execution = RequestValidator.Validate("m", TestSignatures.Reshaped(0), [input], null).Value.Execution.Tensors.Single();

        Assert.Equal([2L, 2], execution.Shape);
        Assert.Equal([1, 2, 3, 4], TensorData.Int32s(execution));
    }

    [Fact]
    public void A_batching_model_keeps_the_batch_dimension_in_front_of_the_reshape_shape()
    {
        var input = TensorData.Int32("R", [3, 4], new int[12]);

        var execution = RequestValidator.Validate("m", TestSignatures.Reshaped(4), [input], null).Value.Execution.Tensors.Single();

        Assert.Equal([3L, 2, 2], execution.Shape);
    }

    [Fact]
    public void A_minus_one_in_the_reshape_takes_the_remaining_elements()
    {
        var validated = RequestValidator.Validate(
            "m", TestSignatures.Reshaped(0), [TensorData.Int32("R", [4], new int[4]), TensorData.Int32("V", [6], new int[6])], null);

        Assert.Equal([3L, 2], validated.Value.Execution.Tensors[1].Shape);
    }

    [Fact]
    public void Data_that_the_reshape_cannot_hold_is_refused()
    {
        var validated = RequestValidator.Validate(
            "m", TestSignatures.Reshaped(0), [TensorData.Int32("R", [4], new int[4]), TensorData.Int32("V", [5], new int[5])], null);

        Assert.Equal(
            InferenceError.InvalidArgument("input 'V' of model 'm' has shape [5], which cannot be reshaped to the config's reshape [-1,2]"),
            validated.Error);
    }
}
