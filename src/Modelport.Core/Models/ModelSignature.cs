namespace Modelport.Core.Models;

/// <summary>The typed inputs and outputs of a completed config, which every request is validated against.</summary>
public sealed class ModelSignature
{
    public ModelSignature(int maxBatchSize, IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs)
    {
        MaxBatchSize = maxBatchSize;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Greater than 0 when the model batches: every tensor then has a leading batch dimension not in its dims.</summary>
    public int MaxBatchSize { get; }

    public bool Batches => MaxBatchSize > 0;

    public IReadOnlyList<TensorSpec> Inputs { get; }

    public IReadOnlyList<TensorSpec> Outputs { get; }

    public TensorSpec? FindInput(string name) => Find(Inputs, name);

    public TensorSpec? FindOutput(string name) => Find(Outputs, name);

    /// <summary>The shape a client sends or receives: <c>[-1, dims...]</c> for a batching model, else dims.</summary>
    public long[] ClientShape(TensorSpec tensor) => Batches ? [-1, .. tensor.Dims] : tensor.Dims;

    private static TensorSpec? Find(IReadOnlyList<TensorSpec> tensors, string name)
    {
        foreach (var tensor in tensors)
        {
            if (string.Equals(tensor.Name, name, StringComparison.Ordinal))
            {
                return tensor;
            }
        }

        return null;
    }
}
