using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Modelport.Client.Tensors;

namespace Modelport.Client.Http;

/// <summary>Reads the JSON <c>data</c> array of a v2 output, flat or nested, into wire bytes.</summary>
internal static class TensorJsonReader
{
    public static byte[] ReadData(ref Utf8JsonReader reader, string tensor, TensorDataType datatype, long elementCount)
    {
        var size = ElementTypes.ElementSize(datatype);
        if (size == 0 && datatype != TensorDataType.Bytes)
        {
            throw new JsonException($"output '{tensor}' is {datatype}, which this client cannot read from JSON");
        }

        var buffer = new ArrayBufferWriter<byte>(size > 0 ? checked((int)(elementCount * size)) : 256);
        var count = 0L;
        var depth = 0;
        do
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndArray:
                    depth--;
                    break;
                default:
                    WriteElement(ref reader, tensor, datatype, size, buffer);
                    count++;
                    break;
            }
        }
        while (depth > 0 && reader.Read());

        return count == elementCount
            ? buffer.WrittenSpan.ToArray()
            : throw new JsonException($"output '{tensor}' has {elementCount} elements by its shape, but its data has {count}");
    }

    private static void WriteElement(ref Utf8JsonReader reader, string tensor, TensorDataType datatype, int size, ArrayBufferWriter<byte> buffer)
    {
        if (datatype == TensorDataType.Bytes)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"output '{tensor}': BYTES elements must be strings");
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(BytesElements.LengthPrefixSize), bytes.Length);
            buffer.Advance(BytesElements.LengthPrefixSize);
            buffer.Write(bytes);
            return;
        }

        var span = buffer.GetSpan(size)[..size];
        switch (datatype.Name)
        {
            case "BOOL":
                span[0] = reader.TokenType switch
                {
                    JsonTokenType.True => 1,
                    JsonTokenType.False => 0,
                    _ => throw new JsonException($"output '{tensor}': BOOL elements must be true or false"),
                };
                break;
            case "UINT8":
                span[0] = reader.GetByte();
                break;
            case "UINT16":
                BinaryPrimitives.WriteUInt16LittleEndian(span, reader.GetUInt16());
                break;
            case "UINT32":
                BinaryPrimitives.WriteUInt32LittleEndian(span, reader.GetUInt32());
                break;
            case "UINT64":
                BinaryPrimitives.WriteUInt64LittleEndian(span, reader.GetUInt64());
                break;
            case "INT8":
                span[0] = (byte)reader.GetSByte();
                break;
            case "INT16":
                BinaryPrimitives.WriteInt16LittleEndian(span, reader.GetInt16());
                break;
            case "INT32":
                BinaryPrimitives.WriteInt32LittleEndian(span, reader.GetInt32());
                break;
            case "INT64":
                BinaryPrimitives.WriteInt64LittleEndian(span, reader.GetInt64());
                break;
            case "FP16":
                BinaryPrimitives.WriteHalfLittleEndian(span, (Half)ReadReal(ref reader));
                break;
            case "BF16":
                BinaryPrimitives.WriteUInt16LittleEndian(span, BFloat16Bits.FromSingle((float)ReadReal(ref reader)));
                break;
            case "FP32":
                BinaryPrimitives.WriteSingleLittleEndian(span, (float)ReadReal(ref reader));
                break;
            default:
                BinaryPrimitives.WriteDoubleLittleEndian(span, ReadReal(ref reader));
                break;
        }

        buffer.Advance(size);
    }

    private static double ReadReal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when reader.ValueTextEquals("NaN") => double.NaN,
        JsonTokenType.String when reader.ValueTextEquals("Infinity") => double.PositiveInfinity,
        JsonTokenType.String when reader.ValueTextEquals("-Infinity") => double.NegativeInfinity,
        _ => reader.GetDouble(),
    };
}
