using System.Buffers.Binary;
using Google.Protobuf.Collections;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Grpc;

internal static partial class TensorContents
{
    /// <summary>
    /// The bytes of typed contents. <paramref name="elementCount"/> comes from the shape the client declared, so it is only
    /// compared with the elements that arrived; the buffer is sized from those.
    /// </summary>
    public static Result<byte[]> Read(InferTensorContents contents, DataType type, long elementCount, string subject)
    {
        var field = FieldOf(type);
        var stray = FilledFields(contents).FirstOrDefault(filled => filled.Field != field);
        if (stray.Field is not null)
        {
            return InferenceError.InvalidArgument(field is null
                ? $"{subject} has datatype {type.WireName()}, which has no typed contents field; send it in raw_input_contents"
                : $"{subject} has datatype {type.WireName()}, whose elements belong in {field}, not in {stray.Field}");
        }

        var count = FilledFields(contents).Select(filled => filled.Count).FirstOrDefault();
        if (count != elementCount)
        {
            return InferenceError.InvalidArgument($"{subject}: its shape has {elementCount} elements but its contents hold {count}");
        }

        return type switch
        {
            DataType.Bool => Fixed(contents.BoolContents, 1, (span, value) => span[0] = value ? (byte)1 : (byte)0),
            DataType.Int8 => Narrow(contents.IntContents, type, sbyte.MinValue, sbyte.MaxValue, subject, (span, value) => span[0] = (byte)(sbyte)value),
            DataType.Int16 => Narrow(contents.IntContents, type, short.MinValue, short.MaxValue, subject, (span, value) => BinaryPrimitives.WriteInt16LittleEndian(span, (short)value)),
            DataType.Int32 => Fixed(contents.IntContents, 4, (span, value) => BinaryPrimitives.WriteInt32LittleEndian(span, value)),
            DataType.Int64 => Fixed(contents.Int64Contents, 8, (span, value) => BinaryPrimitives.WriteInt64LittleEndian(span, value)),
            DataType.UInt8 => Narrow(contents.UintContents, type, 0, byte.MaxValue, subject, (span, value) => span[0] = (byte)value),
            DataType.UInt16 => Narrow(contents.UintContents, type, 0, ushort.MaxValue, subject, (span, value) => BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value)),
            DataType.UInt32 => Fixed(contents.UintContents, 4, (span, value) => BinaryPrimitives.WriteUInt32LittleEndian(span, value)),
            DataType.UInt64 => Fixed(contents.Uint64Contents, 8, (span, value) => BinaryPrimitives.WriteUInt64LittleEndian(span, value)),
            DataType.Fp32 => Fixed(contents.Fp32Contents, 4, (span, value) => BinaryPrimitives.WriteSingleLittleEndian(span, value)),
            DataType.Fp64 => Fixed(contents.Fp64Contents, 8, (span, value) => BinaryPrimitives.WriteDoubleLittleEndian(span, value)),
            DataType.Bytes => Bytes(contents.BytesContents, subject),
            // FP16 and BF16 have no field, so only an empty tensor gets here.
            _ => Array.Empty<byte>(),
        };
    }

    private delegate void ElementWriter<in T>(Span<byte> destination, T value);

    private static byte[] Fixed<T>(RepeatedField<T> values, int size, ElementWriter<T> write)
    {
        var bytes = new byte[values.Count * size];
        for (var index = 0; index < values.Count; index++)
        {
            write(bytes.AsSpan(index * size, size), values[index]);
        }

        return bytes;
    }

    private static Result<byte[]> Narrow<T>(RepeatedField<T> values, DataType type, long min, long max, string subject, ElementWriter<T> write)
        where T : struct, IConvertible
    {
        for (var index = 0; index < values.Count; index++)
        {
            var value = values[index].ToInt64(null);
            if (value < min || value > max)
            {
                return InferenceError.InvalidArgument(
                    $"{subject}: {value} (element {index}) is not a {type.WireName()} value (from {min} to {max})");
            }
        }

        return Fixed(values, type.ElementSize(), write);
    }

    private static Result<byte[]> Bytes(RepeatedField<Google.Protobuf.ByteString> elements, string subject)
    {
        long size = elements.Sum(element => (long)BytesElements.LengthPrefixSize + element.Length);
        if (size > Array.MaxLength)
        {
            return InferenceError.InvalidArgument($"{subject}: its BYTES elements add up to {size} bytes, more than one tensor can hold");
        }

        var bytes = new byte[size];
        var offset = 0;
        foreach (var element in elements)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), (uint)element.Length);
            element.Span.CopyTo(bytes.AsSpan(offset + BytesElements.LengthPrefixSize));
            offset += BytesElements.LengthPrefixSize + element.Length;
        }

        return bytes;
    }
}
