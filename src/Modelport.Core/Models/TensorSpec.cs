using Modelport.Core.Tensors;

namespace Modelport.Core.Models;

/// <summary>
/// An input or output as the completed config declares it. <see cref="Dims"/> excludes the batch dimension when the
/// model batches; -1 is a variable dimension. <see cref="Reshape"/> is the shape the engine sees instead of Dims.
/// </summary>
public sealed record TensorSpec(string Name, DataType DataType, long[] Dims)
{
    public long[]? Reshape { get; init; }

    public bool Optional { get; init; }

    /// <summary>The labels of a classification output, one per class index (from <c>label_filename</c>).</summary>
    public IReadOnlyList<string>? Labels { get; init; }
}
