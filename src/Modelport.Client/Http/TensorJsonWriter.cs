using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Modelport.Client.Tensors;

namespace Modelport.Client.Http;

/// <summary>Writes a tensor's wire bytes as the flat JSON <c>data</c> array of the v2 REST protocol.</summary>
internal static class TensorJsonWriter
{
    public static void WriteData(Utf8JsonWriter writer, string tensor, TensorDataType datatype, ReadOnlyMemory<byte> data)
    {
        writer.WriteStartArray();
        if (datatype == TensorDataType.Bytes)
        {
            var elements = BytesElements.Split(data) ?? throw new InvalidOperationException($"input '{tensor}': malformed BYTES data");
            foreach (var element in elements)
            {
                writer.WriteStringValue(Encoding.UTF8.GetString(element.Span));
            }
        }
        else
        {
            var size = ElementTypes.ElementSize(datatype);
            if (size == 0)
            {
                throw new NotSupportedException($"input '{tensor}' is {datatype}, which JSON cannot carry; send it with binary data");
            }

            for (var offset = 0; offset + size <= data.Length; offset += size)
            {
                WriteElement(writer, datatype, data.Span.Slice(offset, size));
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter writer, TensorDataType datatype, ReadOnlySpan<byte> element)
    {
        switch (datatype.Name)
        {
            case "BOOL":
                writer.WriteBooleanValue(element[0] != 0);
                break;
            case "UINT8":
                writer.WriteNumberValue(element[0]);
                break;
            case "UINT16":
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(element));
                break;
            case "UINT32":
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(element));
                break;
            case "UINT64":
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(element));
                break;
            case "INT8":
                writer.WriteNumberValue((sbyte)element[0]);
                break;
            case "INT16":
                writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(element));
                break;
            case "INT32":
                writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(element));
                break;
            case "INT64":
                writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(element));
                break;
            case "FP16":
                WriteReal(writer, (float)BinaryPrimitives.ReadHalfLittleEndian(element));
                break;
            case "BF16":
                WriteReal(writer, BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element)));
                break;
            case "FP32":
                WriteReal(writer, BinaryPrimitives.ReadSingleLittleEndian(element));
                break;
            default:
                WriteReal(writer, BinaryPrimitives.ReadDoubleLittleEndian(element));
                break;
        }
    }

    /// <summary>JSON numbers cannot spell NaN or the infinities; v2 servers read them as the strings "NaN", "Infinity" and "-Infinity".</summary>
    private static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteReal(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteReal(writer, (double)value);
        }
    }
}
