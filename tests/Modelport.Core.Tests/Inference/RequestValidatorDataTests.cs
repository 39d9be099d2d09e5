using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Models;
using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.Inference;

public sealed class RequestValidatorDataTests
{
    [Fact]
    public void Data_of_another_byte_size_than_the_shape_declares_is_refused()
    {
        var input = new InferenceTensor("A", DataType.Int32, [2, 2], new byte[12]);

        AssertInvalid(TestSignatures.Plain, "input 'A' of model 'm' has shape [2,2] (4 elements of INT32 = 16 bytes) but 12 bytes of data", input);
    }

    [Fact]
    public void Bytes_data_whose_element_length_runs_past_the_end_is_refused()
    {
        var input = new InferenceTensor("S", DataType.Bytes, [2], new byte[] { 5, 0, 0, 0, (byte)'a' });

        AssertInvalid(
            TestSignatures.Strings, "input 'S' of model 'm' has malformed BYTES data: an element's 4-byte length runs past the end of the 5 bytes", input);
    }

    [Fact]
    public void Bytes_data_with_another_element_count_than_the_shape_declares_is_refused()
    {
        var input = new InferenceTensor("S", DataType.Bytes, [2], BytesElements.FromStrings(["a", "b", "c"]));

        AssertInvalid(TestSignatures.Strings, "input 'S' of model 'm' has shape [2] (2 elements) but its data holds 3 BYTES elements", input);
    }

    [Fact]
    public void Bytes_data_with_the_declared_element_count_is_accepted_whatever_the_element_lengths()
    {
        var input = new InferenceTensor("S", DataType.Bytes, [2], BytesElements.FromStrings(["", "a longer element"]));

        Assert.True(RequestValidator.Validate("m", TestSignatures.Strings, [input], null).IsSuccess);
    }

    private static void AssertInvalid(ModelSignature signature, string message, InferenceTensor input)
    {
        Assert.Equal(InferenceError.InvalidArgument(message), RequestValidator.Validate("m", signature, [input], null).Error);
    }
}
