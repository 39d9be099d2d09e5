using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Inference;

public sealed class RequestValidatorOutputTests
{
    private static readonly InferenceTensor[] Inputs = [TensorData.Int32("A", [2, 1], 1, 2)];

    [Fact]
    public void Without_requested_outputs_every_output_is_produced()
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, Inputs, null);

        Assert.Equal(["Y", "Z"], validated.Value.Execution.OutputNames);
    }

    [Fact]
    public void Requested_outputs_are_produced_once_each_in_the_requested_order()
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, Inputs, [new("Z"), new("Y"), new("Z")]);

        Assert.Equal(["Z", "Y"], validated.Value.Execution.OutputNames);
        Assert.Equal(["Z", "Y"], validated.Value.Outputs.Select(output => output.Name));
    }

    [Fact]
    public void An_unknown_requested_output_is_refused_listing_the_model_outputs()
    {
        var validated = RequestValidator.Validate("m", TestSignatures.Plain, Inputs, [new("Y"), new("W")]);

        Assert.Equal(InferenceError.InvalidArgument("unexpected inference output 'W' for model 'm'; its outputs are: 'Y', 'Z'"), validated.Error);
    }
}
