using Modelport.Onnx.Proto;

namespace Modelport.Onnx;

/// <summary>
/// One dimension of a declared shape: a size (0 or more), a symbolic name, or -1 for a
/// dimension with neither. Converts implicitly from <see cref="long"/> and <see cref="string"/>,
/// so shapes read as <c>("batch", 3)</c> or <c>(-1, 16)</c>.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long size, string? name)
    {
        Size = size;
        Name = name;
    }

    /// <summary>The fixed size, or -1.</summary>
    public long Size { get; }

    /// <summary>The symbolic name, or null.</summary>
    public string? Name { get; }

    public static implicit operator OnnxDim(long size) => FromSize(size);

    public static implicit operator OnnxDim(string name) => FromName(name);

    public static OnnxDim FromSize(long size) =>
        size >= -1 ? new OnnxDim(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A dimension is 0 or more, or -1 when unknown.");

    public static OnnxDim FromName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new OnnxDim(-1, name);
    }

    internal TensorShapeProto.Types.Dimension ToProto()
    {
        var dim = new TensorShapeProto.Types.Dimension();
        if (Name is not null)
        {
            dim.DimParam = Name;
        }
        else if (Size >= 0)
        {
            dim.DimValue = Size;
        }

        return dim;
    }
}
