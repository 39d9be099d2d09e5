using System.Buffers.Binary;
using Modelport.Client.Tensors;
using Modelport.Protocol.Grpc;

namespace Modelport.Client.Grpc;

/// <summary>
/// Reads the typed <c>contents</c> fields, which servers other than Modelport and Triton may answer with, into wire
/// bytes. 8- and 16-bit integers travel widened to 32 bits; FP16 and BF16 have no typed field.
/// </summary>
internal static class TensorContentsReader
{
    public static byte[]? Read(InferTensorContents contents, TensorDataType datatype, long count)
    {
        if (datatype == TensorDataType.Bytes)
        {
            return BytesElements.Join(contents.BytesContents.Select(element => element.ToByteArray()));
        }

        var size = ElementTypes.ElementSize(datatype);
        var bytes = new byte[count * size];
        switch (datatype.Name)
        {
            case "BOOL":
                Fill(contents.BoolContents, count, (value, index) => bytes[index] = value ? (byte)1 : (byte)0);
                break;
            case "UINT8":
                Fill(contents.UintContents, count, (value, index) => bytes[index] = (byte)value);
                break;
            case "UINT16":
                Fill(contents.UintContents, count, (value, index) => BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(index * 2), (ushort)value));
                break;
            case "UINT32":
                Fill(contents.UintContents, count, (value, index) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(index * 4), value));
                break;
            case "UINT64":
                Fill(contents.Uint64Contents, count, (value, index) => BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(index * 8), value));
                break;
            case "INT8":
                Fill(contents.IntContents, count, (value, index) => bytes[index] = (byte)(sbyte)value);
                break;
            case "INT16":
                Fill(contents.IntContents, count, (value, index) => BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(index * 2), (short)value));
                break;
            case "INT32":
                Fill(contents.IntContents, count, (value, index) => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(index * 4), value));
                break;
            case "INT64":
                Fill(contents.Int64Contents, count, (value, index) => BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(index * 8), value));
                break;
            case "FP32":
                Fill(contents.Fp32Contents, count, (value, index) => BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(index * 4), value));
                break;
            case "FP64":
                Fill(contents.Fp64Contents, count, (value, index) => BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(index * 8), value));
                break;
            default:
                return null;
        }

        return bytes;
    }

    private static void Fill<T>(IList<T> values, long count, Action<T, int> write)
    {
        if (values.Count != count)
        {
            throw InferMessages.Malformed($"an output's shape has {count} elements, but its contents {values.Count}");
        }

        for (var index = 0; index < values.Count; index++)
        {
            write(values[index], index);
        }
    }
}
