namespace Modelport.Client;

/// <summary>
/// A v2 tensor datatype, named as on the wire (<c>"FP32"</c>, <c>"BYTES"</c>). A name this client does not know is
/// kept as the server sent it, so a newer server's datatype still reaches the application.
/// </summary>
public readonly struct TensorDataType : IEquatable<TensorDataType>
{
    private readonly string? _name;

    /// <summary>Creates a datatype from its wire name; names are case-sensitive.</summary>
    /// <param name="name">The wire name, such as <c>"INT32"</c>.</param>
    public TensorDataType(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
    }

    /// <summary>One byte per element: 0 is false, anything else true.</summary>
    public static TensorDataType Bool { get; } = new("BOOL");

    /// <summary>Unsigned 8-bit integers (<see cref="byte"/>).</summary>
    public static TensorDataType UInt8 { get; } = new("UINT8");

    /// <summary>Unsigned 16-bit integers (<see cref="ushort"/>).</summary>
    public static TensorDataType UInt16 { get; } = new("UINT16");

    /// <summary>Unsigned 32-bit integers (<see cref="uint"/>).</summary>
    public static TensorDataType UInt32 { get; } = new("UINT32");

    /// <summary>Unsigned 64-bit integers (<see cref="ulong"/>).</summary>
    public static TensorDataType UInt64 { get; } = new("UINT64");

    /// <summary>Signed 8-bit integers (<see cref="sbyte"/>).</summary>
    public static TensorDataType Int8 { get; } = new("INT8");

    /// <summary>Signed 16-bit integers (<see cref="short"/>).</summary>
    public static TensorDataType Int16 { get; } = new("INT16");

    /// <summary>Signed 32-bit integers (<see cref="int"/>).</summary>
    public static TensorDataType Int32 { get; } = new("INT32");

    /// <summary>Signed 64-bit integers (<see cref="long"/>).</summary>
    public static TensorDataType Int64 { get; } = new("INT64");

    /// <summary>IEEE half precision (<see cref="Half"/>).</summary>
    public static TensorDataType Fp16 { get; } = new("FP16");

    /// <summary>bfloat16: the upper 16 bits of an IEEE single. .NET has no such type; use the raw-data members.</summary>
    public static TensorDataType Bf16 { get; } = new("BF16");

    /// <summary>IEEE single precision (<see cref="float"/>).</summary>
    public static TensorDataType Fp32 { get; } = new("FP32");

    /// <summary>IEEE double precision (<see cref="double"/>).</summary>
    public static TensorDataType Fp64 { get; } = new("FP64");

    /// <summary>Variable-length byte strings, often UTF-8 text.</summary>
    public static TensorDataType Bytes { get; } = new("BYTES");

    /// <summary>The wire name.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Converts a wire name to a datatype.</summary>
    public static implicit operator TensorDataType(string name) => new(name);

    /// <summary>Whether two datatypes have the same wire name.</summary>
    public static bool operator ==(TensorDataType left, TensorDataType right) => left.Equals(right);

    /// <summary>Whether two datatypes have different wire names.</summary>
    public static bool operator !=(TensorDataType left, TensorDataType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TensorDataType other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorDataType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
