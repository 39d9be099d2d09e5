using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// Triton's auto-complete for ONNX models: fills in from the graph's signature what a config leaves out, and checks
/// what it declares against the graph. Completes a clone; the declared config is left as it was.
/// </summary>
internal sealed partial class ConfigCompleter(string modelName, OnnxSignature model)
{
    /// <summary>Triton's onnxruntime backend default (<c>--backend-config=onnxruntime,default-max-batch-size=4</c>).</summary>
    public const int DefaultMaxBatchSize = 4;

    public ModelConfig Complete(ModelConfig declared)
    {
        var config = declared.Clone();
        if (config.Name.Length == 0)
        {
            config.Name = modelName;
        }

        config.Platform = OnnxRuntimeBackend.PlatformName;
        config.Backend = OnnxRuntimeBackend.BackendName;

        // Batching is only inferred for a config that declares no tensors: declared dims were written for a known
        // max_batch_size, and guessing batching under them would turn a consistent config into a contradicting one.
        if (config.MaxBatchSize == 0 && config.Input.Count == 0 && config.Output.Count == 0 && Batches())
        {
            config.MaxBatchSize = DefaultMaxBatchSize;
        }

        var serverInputs = ServerInputs(config);
        if (config.Input.Count == 0)
        {
            foreach (var tensor in model.Inputs.Where(tensor => !serverInputs.Contains(tensor.Name)))
            {
                config.Input.Add(new ModelInput
                {
                    Name = tensor.Name,
                    DataType = tensor.DataType.ToConfig(),
                    Dims = { ConfigDims("input", tensor, config.MaxBatchSize) },
                });
            }
        }
        else
        {
            CheckInputs(config, serverInputs);
        }

        if (config.Output.Count == 0)
        {
            var stateOutputs = config.SequenceBatching?.State.Select(state => state.OutputName).ToHashSet() ?? [];
            foreach (var tensor in model.Outputs.Where(tensor => !stateOutputs.Contains(tensor.Name)))
            {
                config.Output.Add(new ModelOutput
                {
                    Name = tensor.Name,
                    DataType = tensor.DataType.ToConfig(),
                    Dims = { ConfigDims("output", tensor, config.MaxBatchSize) },
                });
            }
        }
        else
        {
            CheckOutputs(config);
        }

        return config;
    }

    /// <summary>The inputs a sequence batcher supplies (control inputs and implicit states), which the config does not list as inputs.</summary>
    private static HashSet<string> ServerInputs(ModelConfig config) =>
        config.SequenceBatching is { } sequences
            ? [.. sequences.ControlInput.Select(control => control.Name), .. sequences.State.Select(state => state.InputName)]
            : [];

    /// <summary>Triton's rule: a graph batches when every input and output has a variable first dimension.</summary>
    private bool Batches() =>
        model.Inputs.Count + model.Outputs.Count > 0
        && model.Inputs.All(tensor => tensor.HasVariableFirstDimension)
        && model.Outputs.All(tensor => tensor.HasVariableFirstDimension);

    private long[] ConfigDims(string kind, OnnxTensor tensor, int maxBatchSize)
    {
        if (maxBatchSize == 0)
        {
            return tensor.Dims;
        }

        CheckBatchDimension(kind, tensor, maxBatchSize);
        return tensor.Dims[1..];
    }
}
