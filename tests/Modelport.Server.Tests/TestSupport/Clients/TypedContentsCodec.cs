using System.Buffers.Binary;
using Google.Protobuf;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>
/// A tensor's bytes to and from gRPC's typed <c>InferTensorContents</c>, written from the protocol's documentation rather
/// than the server's code. FP16 and BF16 have no typed field.
/// </summary>
internal static class TypedContentsCodec
{
    public static bool HasField(string datatype) => datatype is not ("FP16" or "BF16");

    public static InferTensorContents ToContents(Tensor tensor)
    {
        var contents = new InferTensorContents();
        var data = tensor.Data;
        switch (tensor.Datatype)
        {
            case "BOOL": contents.BoolContents.AddRange(data.Select(value => value != 0)); break;
            case "UINT8": contents.UintContents.AddRange(data.Select(value => (uint)value)); break;
            case "UINT16": contents.UintContents.AddRange(data.Chunk(2).Select(element => (uint)BinaryPrimitives.ReadUInt16LittleEndian(element))); break;
            case "UINT32": contents.UintContents.AddRange(data.Chunk(4).Select(element => BinaryPrimitives.ReadUInt32LittleEndian(element))); break;
            case "UINT64": contents.Uint64Contents.AddRange(data.Chunk(8).Select(element => BinaryPrimitives.ReadUInt64LittleEndian(element))); break;
            case "INT8": contents.IntContents.AddRange(data.Select(value => (int)(sbyte)value)); break;
            case "INT16": contents.IntContents.AddRange(data.Chunk(2).Select(element => (int)BinaryPrimitives.ReadInt16LittleEndian(element))); break;
            case "INT32": contents.IntContents.AddRange(data.Chunk(4).Select(element => BinaryPrimitives.ReadInt32LittleEndian(element))); break;
            case "INT64": contents.Int64Contents.AddRange(data.Chunk(8).Select(element => BinaryPrimitives.ReadInt64LittleEndian(element))); break;
            case "FP32": contents.Fp32Contents.AddRange(data.Chunk(4).Select(element => BinaryPrimitives.ReadSingleLittleEndian(element))); break;
            case "FP64": contents.Fp64Contents.AddRange(data.Chunk(8).Select(element => BinaryPrimitives.ReadDoubleLittleEndian(element))); break;
            case "BYTES": contents.BytesContents.AddRange(StringsOf(tensor.Data).Select(ByteString.CopyFrom)); break;
            default: throw new ArgumentException($"{tensor.Datatype} has no typed contents field");
        }

        return contents;
    }

    public static byte[] FromContents(string datatype, InferTensorContents contents) => datatype switch
    {
        "BOOL" => [.. contents.BoolContents.Select(value => value ? (byte)1 : (byte)0)],
        "UINT8" => [.. contents.UintContents.Select(value => (byte)value)],
        "UINT16" => Pack(contents.UintContents, 2, (span, value) => BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value)),
        "UINT32" => Pack(contents.UintContents, 4, BinaryPrimitives.WriteUInt32LittleEndian),
        "UINT64" => Pack(contents.Uint64Contents, 8, BinaryPrimitives.WriteUInt64LittleEndian),
        "INT8" => [.. contents.IntContents.Select(value => (byte)(sbyte)value)],
        "INT16" => Pack(contents.IntContents, 2, (span, value) => BinaryPrimitives.WriteInt16LittleEndian(span, (short)value)),
        "INT32" => Pack(contents.IntContents, 4, BinaryPrimitives.WriteInt32LittleEndian),
        "INT64" => Pack(contents.Int64Contents, 8, BinaryPrimitives.WriteInt64LittleEndian),
        "FP32" => Pack(contents.Fp32Contents, 4, BinaryPrimitives.WriteSingleLittleEndian),
        "FP64" => Pack(contents.Fp64Contents, 8, BinaryPrimitives.WriteDoubleLittleEndian),
        "BYTES" => [.. contents.BytesContents.SelectMany(element => BitConverter.GetBytes((uint)element.Length).Concat(element.ToByteArray()))],
        _ => throw new ArgumentException($"{datatype} has no typed contents field"),
    };

    private delegate void Writer<in T>(Span<byte> destination, T value);

    private static byte[] Pack<T>(IList<T> values, int size, Writer<T> write)
    {
        var bytes = new byte[values.Count * size];
        for (var index = 0; index < values.Count; index++)
        {
            write(bytes.AsSpan(index * size), values[index]);
        }

        return bytes;
    }

    private static IEnumerable<byte[]> StringsOf(byte[] data)
    {
        for (var offset = 0; offset < data.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
            yield return data.AsSpan(offset + 4, length).ToArray();
            offset += 4 + length;
        }
    }
}
