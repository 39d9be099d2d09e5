using System.Security.Cryptography;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Inference;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Core.Lifecycle;

/// <summary>
/// Runs the config's <c>model_warmup</c> samples before a version is published, so its first real request doesn't pay
/// for lazy initialisation. A failing sample fails the load.
/// </summary>
internal static class Warmup
{
    // Triton reads input_data_file relative to the model's warmup folder.
    private const string WarmupFolder = "warmup";

    /// <summary>Runs every sample on every instance, as Triton does, outside the scheduler so that no statistics count it.</summary>
    public static async Task RunAsync(
        string modelName, ModelConfig config, ModelSignature signature, IReadOnlyList<IModelInstance> instances, string modelDirectory, CancellationToken cancellationToken)
    {
        foreach (var sample in config.ModelWarmup)
        {
            var inputs = new List<InferenceTensor>();
            foreach (var (name, input) in sample.Inputs)
            {
                inputs.Add(BuildInput(signature, modelDirectory, sample, name, input));
            }

            var validated = RequestValidator.Validate(modelName, signature, inputs, null);
            if (validated.Error is { } invalid)
            {
                throw new ModelLoadException($"warmup sample '{sample.Name}' is invalid: {invalid.Message}");
            }

            // Triton: count 0 runs the sample once.
            var runs = Math.Max(1u, sample.Count);
            foreach (var instance in instances)
            {
                for (var run = 0; run < runs; run++)
                {
                    var result = await instance.ExecuteAsync(validated.Value.Execution, cancellationToken).ConfigureAwait(false);
                    if (result.Error is { } failed)
                    {
                        throw new ModelLoadException($"warmup sample '{sample.Name}' failed: {failed.Message}");
                    }

                    result.Value.MemoryOwner?.Dispose();
                }
            }
        }
    }

    private static InferenceTensor BuildInput(ModelSignature signature, string modelDirectory, ModelWarmup sample, string name, ModelWarmup.Types.Input input)
    {
        var dataType = ConfigDataTypes.ToTensorType(input.DataType)
            ?? throw new ModelLoadException($"warmup sample '{sample.Name}' input '{name}': data_type {input.DataType} is not supported");
        long[] shape = signature.Batches ? [Math.Max(1u, sample.BatchSize), .. input.Dims] : [.. input.Dims];
        var elementCount = TensorShape.ElementCount(shape)
            ?? throw new ModelLoadException($"warmup sample '{sample.Name}' input '{name}': dims {TensorShape.Format(shape)} are invalid");
        var data = input.InputDataTypeCase switch
        {
            ModelWarmup.Types.Input.InputDataTypeOneofCase.InputDataFile => ReadDataFile(modelDirectory, sample, name, input.InputDataFile),
            _ when dataType == DataType.Bytes => BytesElements.FromStrings(Enumerable.Repeat(string.Empty, checked((int)elementCount))),
            ModelWarmup.Types.Input.InputDataTypeOneofCase.RandomData => RandomNumbers(dataType, shape),
            _ => new byte[TensorShape.ByteSize(dataType, shape) ?? 0],
        };
        return new InferenceTensor(name, dataType, shape, data);
    }

    private static byte[] RandomNumbers(DataType dataType, long[] shape)
    {
        var data = new byte[TensorShape.ByteSize(dataType, shape) ?? 0];
        RandomNumberGenerator.Fill(data);
        if (dataType == DataType.Bool)
        {
            for (var index = 0; index < data.Length; index++)
            {
                data[index] &= 1;
            }
        }

        return data;
    }

    private static byte[] ReadDataFile(string modelDirectory, ModelWarmup sample, string name, string fileName)
    {
        var root = Path.GetFullPath(Path.Combine(modelDirectory, WarmupFolder));
        var path = Path.GetFullPath(Path.Combine(root, fileName));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new ModelLoadException(
                $"warmup sample '{sample.Name}' input '{name}': input_data_file '{fileName}' is not a file in the model's '{WarmupFolder}' folder");
        }

        return File.ReadAllBytes(path);
    }
}
