using Google.Protobuf.Collections;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Tensors;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Core.Models;

/// <summary>Builds the typed signature of a completed config; anything unusable fails the load with the field named.</summary>
internal static class SignatureBuilder
{
    public static ModelSignature Build(ModelConfig config, string modelDirectory)
    {
        if (config.MaxBatchSize < 0)
        {
            throw new ModelLoadException($"max_batch_size must be 0 or more, not {config.MaxBatchSize}");
        }

        if (config.Output.Count == 0)
        {
            throw new ModelLoadException("the config declares no output and none could be read from the model");
        }

        var inputs = new List<TensorSpec>();
        foreach (var input in config.Input)
        {
            var spec = new TensorSpec(input.Name, TensorType("input", input.Name, input.DataType), Dims("input", input.Name, input.Dims))
            {
                Reshape = input.Reshape is null ? null : [.. input.Reshape.Shape],
                Optional = input.Optional,
            };
            AddUnique(inputs, spec, "input");
        }

        var outputs = new List<TensorSpec>();
        foreach (var output in config.Output)
        {
            var spec = new TensorSpec(output.Name, TensorType("output", output.Name, output.DataType), Dims("output", output.Name, output.Dims))
            {
                Reshape = output.Reshape is null ? null : [.. output.Reshape.Shape],
                Labels = string.IsNullOrEmpty(output.LabelFilename) ? null : ReadLabels(modelDirectory, output.Name, output.LabelFilename),
            };
            AddUnique(outputs, spec, "output");
        }

        return new ModelSignature(config.MaxBatchSize, inputs, outputs);
    }

    private static DataType TensorType(string kind, string name, Configuration.DataType type) =>
        ConfigDataTypes.ToTensorType(type)
        ?? throw new ModelLoadException($"{kind} '{name}': data_type {type} is not a supported data type");

    private static long[] Dims(string kind, string name, RepeatedField<long> dims)
    {
        foreach (var dimension in dims)
        {
            if (dimension < -1)
            {
                throw new ModelLoadException($"{kind} '{name}': dims {TensorShape.Format([.. dims])} has {dimension}; a dimension is -1 (variable) or 0 and above");
            }
        }

        return [.. dims];
    }

    private static void AddUnique(List<TensorSpec> tensors, TensorSpec spec, string kind)
    {
        if (string.IsNullOrEmpty(spec.Name))
        {
            throw new ModelLoadException($"an {kind} has no name");
        }

        if (tensors.Exists(existing => existing.Name == spec.Name))
        {
            throw new ModelLoadException($"{kind} '{spec.Name}' is declared twice");
        }

        tensors.Add(spec);
    }

    private static string[] ReadLabels(string modelDirectory, string outputName, string labelFileName)
    {
        var root = Path.GetFullPath(modelDirectory);
        var path = Path.GetFullPath(Path.Combine(root, labelFileName));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ModelLoadException($"output '{outputName}': label_filename '{labelFileName}' is outside the model folder");
        }

        if (!File.Exists(path))
        {
            throw new ModelLoadException($"output '{outputName}': label_filename '{labelFileName}' does not exist in the model folder");
        }

        return File.ReadAllLines(path);
    }
}
