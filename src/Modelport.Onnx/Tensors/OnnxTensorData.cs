using System.Buffers.Binary;
using Google.Protobuf.Collections;
using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>Converts between <see cref="TensorProto"/> and the raw layout of <see cref="OnnxRawTensor"/>.</summary>
public static partial class OnnxTensorData
{
    /// <summary>
    /// Reads a tensor's elements from <c>raw_data</c> or from whichever typed field holds them.
    /// </summary>
    /// <exception cref="InvalidDataException">The tensor is malformed or stored in a way this reader does not support.</exception>
    public static OnnxRawTensor ToRaw(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var type = (DataType)tensor.DataType;
        long[] dims = [.. tensor.Dims];
        long count = OnnxElementTypes.ElementCount(dims);
        if (count < 0)
        {
            throw Invalid(tensor, $"its dims [{string.Join(", ", dims)}] hold a negative value");
        }

        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw Invalid(tensor, "its data is in an external file, which is not supported");
        }

        if (tensor.Segment is not null)
        {
            throw Invalid(tensor, "it is a segment of a larger tensor, which is not supported");
        }

        byte[] data = type == DataType.String ? StringsToRaw(tensor, count) : NumbersToRaw(tensor, type, count);
        return new OnnxRawTensor(type, dims, data);
    }

    private static byte[] StringsToRaw(TensorProto tensor, long count)
    {
        if (!tensor.RawData.IsEmpty)
        {
            throw Invalid(tensor, "a STRING tensor must use string_data, not raw_data");
        }

        CheckCount(tensor, "string_data", tensor.StringData.Count, count);
        long size = 0;
        foreach (var element in tensor.StringData)
        {
            size += sizeof(uint) + element.Length;
        }

        var output = new byte[size];
        int offset = 0;
        foreach (var element in tensor.StringData)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(offset), (uint)element.Length);
            element.Span.CopyTo(output.AsSpan(offset + sizeof(uint)));
            offset += sizeof(uint) + element.Length;
        }

        return output;
    }

    private static byte[] NumbersToRaw(TensorProto tensor, DataType type, long count)
    {
        int bits = OnnxElementTypes.BitsPerElement(type);
        if (bits == 0)
        {
            throw Invalid(tensor, $"its data_type {OnnxElementTypes.Name(tensor.DataType)} is not supported");
        }

        long byteCount = OnnxElementTypes.RawByteCount(type, count);
        if (!tensor.RawData.IsEmpty)
        {
            if (tensor.RawData.Length != byteCount)
            {
                throw Invalid(tensor, $"raw_data holds {tensor.RawData.Length} bytes where {count} {OnnxElementTypes.Name(tensor.DataType)} elements take {byteCount}");
            }

            return tensor.RawData.ToByteArray();
        }

        var output = new byte[byteCount];
        switch (type)
        {
            case DataType.Float or DataType.Complex64:
                Copy(tensor, "float_data", tensor.FloatData, output, sizeof(float), (span, v) => BinaryPrimitives.WriteSingleLittleEndian(span, v));
                break;
            case DataType.Double or DataType.Complex128:
                Copy(tensor, "double_data", tensor.DoubleData, output, sizeof(double), (span, v) => BinaryPrimitives.WriteDoubleLittleEndian(span, v));
                break;
            case DataType.Int64:
                Copy(tensor, "int64_data", tensor.Int64Data, output, sizeof(long), (span, v) => BinaryPrimitives.WriteInt64LittleEndian(span, v));
                break;
            case DataType.Uint64:
                Copy(tensor, "uint64_data", tensor.Uint64Data, output, sizeof(ulong), (span, v) => BinaryPrimitives.WriteUInt64LittleEndian(span, v));
                break;
            case DataType.Uint32:
                Copy(tensor, "uint64_data", tensor.Uint64Data, output, sizeof(uint), (span, v) => BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)v));
                break;
            case DataType.Int32:
                Copy(tensor, "int32_data", tensor.Int32Data, output, sizeof(int), (span, v) => BinaryPrimitives.WriteInt32LittleEndian(span, v));
                break;
            case DataType.Bool:
                Copy(tensor, "int32_data", tensor.Int32Data, output, 1, (span, v) => span[0] = v != 0 ? (byte)1 : (byte)0);
                break;
            case DataType.Uint16 or DataType.Int16 or DataType.Float16 or DataType.Bfloat16:
                // FLOAT16 and BFLOAT16 travel as their bit patterns.
                Copy(tensor, "int32_data", tensor.Int32Data, output, sizeof(ushort), (span, v) => BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)v));
                break;
            default:
                // 8-bit types one per value; 4-bit and 2-bit types already packed, one byte per value.
                Copy(tensor, "int32_data", tensor.Int32Data, output, 1, (span, v) => span[0] = (byte)v);
                break;
        }

        return output;
    }

    private static void Copy<T>(TensorProto tensor, string field, RepeatedField<T> values, byte[] output, int width, WriteElement<T> write)
    {
        CheckCount(tensor, field, values.Count, output.Length / width);
        for (int i = 0; i < values.Count; i++)
        {
            write(output.AsSpan(i * width, width), values[i]);
        }
    }

    private static void CheckCount(TensorProto tensor, string field, long actual, long expected)
    {
        if (actual != expected)
        {
            throw Invalid(tensor, $"{field} holds {actual} values where its dims [{string.Join(", ", tensor.Dims)}] call for {expected}");
        }
    }

    private static InvalidDataException Invalid(TensorProto tensor, string problem) =>
        new($"ONNX {OnnxElementTypes.Describe(tensor)} cannot be read: {problem}.");

    private delegate void WriteElement<in T>(Span<byte> destination, T value);
}
