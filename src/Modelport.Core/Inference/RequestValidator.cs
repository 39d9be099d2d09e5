using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Models;
using Modelport.Core.Tensors;

namespace Modelport.Core.Inference;

/// <summary>
/// Checks a request against the model's signature before anything runs: names, data types, shapes, batch size and
/// that each tensor's data holds exactly the elements its shape declares.
/// </summary>
internal static class RequestValidator
{
    public static Result<ValidatedRequest> Validate(
        string modelName,
        ModelSignature signature,
        IReadOnlyList<InferenceTensor> inputs,
        IReadOnlyList<RequestedOutput>? requestedOutputs)
    {
        long? batchSize = null;
        string? batchSource = null;
        var executionInputs = new InferenceTensor[inputs.Count];
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            var spec = signature.FindInput(input.Name);
            if (spec is null)
            {
                return InferenceError.InvalidArgument(
                    $"unexpected inference input '{input.Name}' for model '{modelName}'; its inputs are: {Names(signature.Inputs)}");
            }

            for (var earlier = 0; earlier < index; earlier++)
            {
                if (inputs[earlier].Name == input.Name)
                {
                    return InferenceError.InvalidArgument($"input '{input.Name}' appears more than once in the request for model '{modelName}'");
                }
            }

            var checkedInput = CheckInput(modelName, signature, spec, input);
            if (checkedInput.Error is { } error)
            {
                return error;
            }

            if (signature.Batches)
            {
                var batch = input.Shape[0];
                if (batchSize is { } expected && expected != batch)
                {
                    return InferenceError.InvalidArgument(
                        $"inputs of model '{modelName}' disagree on the batch size: '{batchSource}' has {expected}, '{input.Name}' has {batch}");
                }

                batchSize = batch;
                batchSource = input.Name;
            }

            executionInputs[index] = checkedInput.Value;
        }

        foreach (var spec in signature.Inputs)
        {
            if (!spec.Optional && !inputs.Any(input => input.Name == spec.Name))
            {
                return InferenceError.InvalidArgument($"model '{modelName}' expects input '{spec.Name}', which the request does not have");
            }
        }

        var outputs = SelectOutputs(modelName, signature, requestedOutputs);
        if (outputs.Error is { } outputError)
        {
            return outputError;
        }

        var execution = new ExecutionInputs(executionInputs, [.. outputs.Value.Select(output => output.Name)]);
        return new ValidatedRequest(execution, outputs.Value, batchSize ?? 0);
    }

    private static Result<InferenceTensor> CheckInput(string modelName, ModelSignature signature, TensorSpec spec, InferenceTensor input)
    {
        var subject = $"input '{input.Name}' of model '{modelName}'";
        if (input.DataType != spec.DataType)
        {
            return InferenceError.InvalidArgument(
                $"{subject} has datatype {input.DataType.WireName()}, but the model expects {spec.DataType.WireName()}");
        }

        if (input.Shape.AsSpan().ContainsAnyExceptInRange(0, long.MaxValue))
        {
            return InferenceError.InvalidArgument($"{subject} has shape {TensorShape.Format(input.Shape)}, with a negative dimension");
        }

        var expectedShape = signature.ClientShape(spec);
        if (!ShapeMatches(input.Shape, expectedShape))
        {
            return InferenceError.InvalidArgument(
                $"{subject} has shape {TensorShape.Format(input.Shape)}, but the model expects {TensorShape.Format(expectedShape)}");
        }

        if (signature.Batches && (input.Shape[0] < 1 || input.Shape[0] > signature.MaxBatchSize))
        {
            return InferenceError.InvalidArgument(
                $"{subject} has batch size {input.Shape[0]}; it must be between 1 and the model's max_batch_size {signature.MaxBatchSize}");
        }

        var elementCount = TensorShape.ElementCount(input.Shape);
        if (elementCount is null)
        {
            return InferenceError.InvalidArgument($"{subject} has shape {TensorShape.Format(input.Shape)}, whose element count overflows");
        }

        var dataError = CheckData(subject, input, elementCount.Value);
        if (dataError is not null)
        {
            return dataError;
        }

        if (spec.Reshape is null)
        {
            return input;
        }

        var target = signature.Batches ? [input.Shape[0], .. spec.Reshape] : spec.Reshape;
        var reshaped = Reshape.Resolve(target, elementCount.Value);
        if (reshaped is null)
        {
            return InferenceError.InvalidArgument(
                $"{subject} has shape {TensorShape.Format(input.Shape)}, which cannot be reshaped to the config's reshape {TensorShape.Format(target)}");
        }

        return input with { Shape = reshaped };
    }

    private static InferenceError? CheckData(string subject, InferenceTensor input, long elementCount)
    {
        if (input.DataType == DataType.Bytes)
        {
            var count = BytesElements.Count(input.Data.Span);
            if (count is null)
            {
                return InferenceError.InvalidArgument(
                    $"{subject} has malformed BYTES data: an element's 4-byte length runs past the end of the {input.Data.Length} bytes");
            }

            return count == elementCount
                ? null
                : InferenceError.InvalidArgument(
                    $"{subject} has shape {TensorShape.Format(input.Shape)} ({elementCount} elements) but its data holds {count} BYTES elements");
        }

        var byteSize = TensorShape.ByteSize(input.DataType, input.Shape);
        return byteSize == input.Data.Length
            ? null
            : InferenceError.InvalidArgument(
                $"{subject} has shape {TensorShape.Format(input.Shape)} ({elementCount} elements of {input.DataType.WireName()} = {byteSize} bytes) but {input.Data.Length} bytes of data");
    }

    private static bool ShapeMatches(long[] actual, long[] expected)
    {
        if (actual.Length != expected.Length)
        {
            return false;
        }

        for (var index = 0; index < actual.Length; index++)
        {
            if (expected[index] != -1 && expected[index] != actual[index])
            {
                return false;
            }
        }

        return true;
    }

    private static Result<IReadOnlyList<TensorSpec>> SelectOutputs(string modelName, ModelSignature signature, IReadOnlyList<RequestedOutput>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return Result<IReadOnlyList<TensorSpec>>.Success(signature.Outputs);
        }

        var outputs = new List<TensorSpec>(requested.Count);
        foreach (var output in requested)
        {
            var spec = signature.FindOutput(output.Name);
            if (spec is null)
            {
                return InferenceError.InvalidArgument(
                    $"unexpected inference output '{output.Name}' for model '{modelName}'; its outputs are: {Names(signature.Outputs)}");
            }

            if (!outputs.Contains(spec))
            {
                outputs.Add(spec);
            }
        }

        return outputs;
    }

    private static string Names(IReadOnlyList<TensorSpec> tensors) => string.Join(", ", tensors.Select(tensor => $"'{tensor.Name}'"));
}
