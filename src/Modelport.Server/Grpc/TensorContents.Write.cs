using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Grpc;

internal static partial class TensorContents
{
    /// <summary>Typed contents of a tensor whose datatype <see cref="HasField"/>; its data is well formed (the core produced it).</summary>
    public static InferTensorContents Write(DataType type, ReadOnlyMemory<byte> data)
    {
        var contents = new InferTensorContents();
        var bytes = data.Span;
        switch (type)
        {
            case DataType.Bool:
                Fill(contents.BoolContents, bytes, 1, static element => element[0] != 0);
                break;
            case DataType.Int8:
                Fill(contents.IntContents, bytes, 1, static element => (sbyte)element[0]);
                break;
            case DataType.Int16:
                Fill(contents.IntContents, bytes, 2, static element => BinaryPrimitives.ReadInt16LittleEndian(element));
                break;
            case DataType.Int32:
                Fill(contents.IntContents, bytes, 4, BinaryPrimitives.ReadInt32LittleEndian);
                break;
            case DataType.Int64:
                Fill(contents.Int64Contents, bytes, 8, BinaryPrimitives.ReadInt64LittleEndian);
                break;
            case DataType.UInt8:
                Fill(contents.UintContents, bytes, 1, static element => element[0]);
                break;
            case DataType.UInt16:
                Fill(contents.UintContents, bytes, 2, static element => BinaryPrimitives.ReadUInt16LittleEndian(element));
                break;
            case DataType.UInt32:
                Fill(contents.UintContents, bytes, 4, BinaryPrimitives.ReadUInt32LittleEndian);
                break;
            case DataType.UInt64:
                Fill(contents.Uint64Contents, bytes, 8, BinaryPrimitives.ReadUInt64LittleEndian);
                break;
            case DataType.Fp32:
                Fill(contents.Fp32Contents, bytes, 4, BinaryPrimitives.ReadSingleLittleEndian);
                break;
            case DataType.Fp64:
                Fill(contents.Fp64Contents, bytes, 8, BinaryPrimitives.ReadDoubleLittleEndian);
                break;
            case DataType.Bytes:
                foreach (var element in BytesElements.Enumerate(data))
                {
                    contents.BytesContents.Add(ByteString.CopyFrom(element.Span));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "the datatype has no typed contents field");
        }

        return contents;
    }

    private delegate T ElementReader<out T>(ReadOnlySpan<byte> element);

    private static void Fill<T>(RepeatedField<T> field, ReadOnlySpan<byte> bytes, int size, ElementReader<T> read)
    {
        field.Capacity = bytes.Length / size;
        for (var offset = 0; offset + size <= bytes.Length; offset += size)
        {
            field.Add(read(bytes.Slice(offset, size)));
        }
    }
}
