using Google.Protobuf.Collections;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Tensors;
using ConfigDataType = Modelport.Core.Configuration.DataType;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>Checks of the tensors a config declares against the graph; each failure names the tensor, the field and both values.</summary>
internal sealed partial class ConfigCompleter
{
    private void CheckInputs(ModelConfig config, HashSet<string> serverInputs)
    {
        foreach (var input in config.Input)
        {
            Check("input", input.Name, input.DataType, input.Dims, input.Reshape, model.Inputs, config.MaxBatchSize);
        }

        foreach (var tensor in model.Inputs)
        {
            if (!serverInputs.Contains(tensor.Name) && !config.Input.Any(input => input.Name == tensor.Name))
            {
                throw Fail($"input '{tensor.Name}': the model requires it but the config does not declare it");
            }
        }
    }

    private void CheckOutputs(ModelConfig config)
    {
        foreach (var output in config.Output)
        {
            Check("output", output.Name, output.DataType, output.Dims, output.Reshape, model.Outputs, config.MaxBatchSize);
        }
    }

    private void Check(
        string kind,
        string name,
        ConfigDataType dataType,
        RepeatedField<long> dims,
        ModelTensorReshape? reshape,
        IReadOnlyList<OnnxTensor> modelTensors,
        int maxBatchSize)
    {
        var tensor = modelTensors.FirstOrDefault(candidate => candidate.Name == name)
            ?? throw Fail($"{kind} '{name}': in the config but not in the model, whose {kind}s are {string.Join(", ", modelTensors.Select(candidate => $"'{candidate.Name}'"))}");

        if (dataType != tensor.DataType.ToConfig())
        {
            throw Fail($"{kind} '{name}': config data_type {ElementTypes.ConfigName(dataType)} but the model has {tensor.DataType.ConfigName()}");
        }

        if (maxBatchSize > 0)
        {
            CheckBatchDimension(kind, tensor, maxBatchSize);
        }

        // The engine sees reshape instead of dims where the config has one; neither includes the batch dimension.
        var (field, shape) = reshape is null ? ("dims", dims.ToArray()) : ("reshape", reshape.Shape.ToArray());
        long[] engineShape = maxBatchSize > 0 ? [-1, .. shape] : shape;
        if (Contradicts(engineShape, tensor.Dims))
        {
            var batchNote = maxBatchSize > 0 ? $" (max_batch_size {maxBatchSize} adds the first dimension)" : string.Empty;
            throw Fail($"{kind} '{name}': config {field} {TensorShape.Format(shape)} but the model has {TensorShape.Format(tensor.Dims)}{batchNote}");
        }
    }

    private void CheckBatchDimension(string kind, OnnxTensor tensor, int maxBatchSize)
    {
        if (!tensor.HasVariableFirstDimension)
        {
            throw Fail($"{kind} '{tensor.Name}': config max_batch_size {maxBatchSize} needs a variable first dimension but the model has {TensorShape.Format(tensor.Dims)}");
        }
    }

    /// <summary>A different rank, or a dimension both sides fix to different sizes; -1 on either side matches any size.</summary>
    private static bool Contradicts(long[] config, long[] model)
    {
        if (config.Length != model.Length)
        {
            return true;
        }

        for (var i = 0; i < config.Length; i++)
        {
            if (config[i] >= 0 && model[i] >= 0 && config[i] != model[i])
            {
                return true;
            }
        }

        return false;
    }

    private ModelLoadException Fail(string message) => new($"model '{modelName}': {message}");
}
