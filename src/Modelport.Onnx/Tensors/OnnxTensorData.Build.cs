using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

public static partial class OnnxTensorData
{
    /// <summary>Builds a tensor from the raw layout described on <see cref="OnnxRawTensor"/>.</summary>
    /// <exception cref="ArgumentException">The data does not fit the element type and dims.</exception>
    public static TensorProto FromRaw(string name, DataType elementType, ReadOnlySpan<long> dims, ReadOnlySpan<byte> data)
    {
        var tensor = NewTensor(name, elementType, dims, out long count);
        if (elementType == DataType.String)
        {
            AddStrings(tensor, count, data);
            return tensor;
        }

        if (OnnxElementTypes.BitsPerElement(elementType) == 0)
        {
            throw new ArgumentException($"Element type {OnnxElementTypes.Name((int)elementType)} of tensor '{name}' has no raw form.", nameof(elementType));
        }

        long byteCount = OnnxElementTypes.RawByteCount(elementType, count);
        if (data.Length != byteCount)
        {
            throw new ArgumentException($"Tensor '{name}' has {data.Length} bytes of data where {count} {OnnxElementTypes.Name((int)elementType)} elements take {byteCount}.", nameof(data));
        }

        tensor.RawData = ByteString.CopyFrom(data);
        return tensor;
    }

    /// <summary>
    /// Builds a tensor from typed values: float, double, sbyte, byte, short, ushort, int, uint,
    /// long, ulong, bool or <see cref="Half"/>.
    /// </summary>
    public static TensorProto FromValues<T>(string name, ReadOnlySpan<T> values, ReadOnlySpan<long> dims)
        where T : unmanaged
    {
        // MemoryMarshal gives the machine's byte order; every platform .NET runs on is little-endian, as ONNX is.
        return FromRaw(name, ElementTypeOf<T>(), dims, MemoryMarshal.AsBytes(values));
    }

    /// <summary>Builds a STRING tensor; each element is stored as its UTF-8 bytes.</summary>
    public static TensorProto FromStrings(string name, IReadOnlyList<string> values, ReadOnlySpan<long> dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tensor = NewTensor(name, DataType.String, dims, out long count);
        if (values.Count != count)
        {
            throw new ArgumentException($"Tensor '{name}' has {values.Count} strings where its dims [{string.Join(", ", dims.ToArray())}] call for {count}.", nameof(values));
        }

        foreach (string value in values)
        {
            tensor.StringData.Add(ByteString.CopyFromUtf8(value));
        }

        return tensor;
    }

    private static TensorProto NewTensor(string name, DataType elementType, ReadOnlySpan<long> dims, out long count)
    {
        ArgumentNullException.ThrowIfNull(name);
        count = OnnxElementTypes.ElementCount(dims);
        if (count < 0)
        {
            throw new ArgumentException($"Tensor '{name}' has negative dims [{string.Join(", ", dims.ToArray())}].", nameof(dims));
        }

        var tensor = new TensorProto { Name = name, DataType = (int)elementType };
        tensor.Dims.AddRange(dims.ToArray());
        return tensor;
    }

    private static void AddStrings(TensorProto tensor, long count, ReadOnlySpan<byte> data)
    {
        for (long i = 0; i < count; i++)
        {
            if (data.Length < sizeof(uint) || BinaryPrimitives.ReadUInt32LittleEndian(data) > (uint)(data.Length - sizeof(uint)))
            {
                throw new ArgumentException($"STRING tensor '{tensor.Name}' data ends inside element {i} of {count}.", nameof(data));
            }

            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
            tensor.StringData.Add(ByteString.CopyFrom(data.Slice(sizeof(uint), length)));
            data = data[(sizeof(uint) + length)..];
        }

        if (!data.IsEmpty)
        {
            throw new ArgumentException($"STRING tensor '{tensor.Name}' data has {data.Length} bytes left after its {count} elements.", nameof(data));
        }
    }

    private static DataType ElementTypeOf<T>() => default(T) switch
    {
        float => DataType.Float,
        double => DataType.Double,
        sbyte => DataType.Int8,
        byte => DataType.Uint8,
        short => DataType.Int16,
        ushort => DataType.Uint16,
        int => DataType.Int32,
        uint => DataType.Uint32,
        long => DataType.Int64,
        ulong => DataType.Uint64,
        bool => DataType.Bool,
        Half => DataType.Float16,
        _ => throw new ArgumentException($"{typeof(T).Name} has no ONNX element type; use {nameof(FromRaw)} with an explicit type."),
    };
}
